/** Python's mimetypes.guess_type for the extensions learners upload (the CLI sets Content-Type from it). */
const TYPES: Record<string, string> = {
  txt: 'text/plain', html: 'text/html', htm: 'text/html', css: 'text/css', js: 'text/javascript', mjs: 'text/javascript', json: 'application/json',
  xml: 'text/xml', csv: 'text/csv', md: 'text/markdown', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml',
  ico: 'image/vnd.microsoft.icon', webp: 'image/webp', pdf: 'application/pdf', zip: 'application/zip', gz: 'application/gzip', tar: 'application/x-tar',
  yaml: 'application/yaml', yml: 'application/yaml', sh: 'application/x-sh', py: 'text/x-python', mp4: 'video/mp4', mp3: 'audio/mpeg', wasm: 'application/wasm',
  woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf', bin: 'application/octet-stream', exe: 'application/octet-stream',
};

export function guessMimeType(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return TYPES[base.slice(dot + 1).toLowerCase()];
}
