/**
 * The console's built files (vite → out/web). Paths are confined to the web root; a missing build
 * answers a page that says how to make one.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const NOT_BUILT = `<!doctype html>
<html><head><meta charset="utf-8"><title>Nimbus Lab</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Nimbus Lab is running</h1>
<p>The AWS endpoint works, but the console has not been built yet. Build it with</p>
<pre>npm run build</pre>
<p>then reload this page.</p>
</body></html>
`;

const BUILDING = `<!doctype html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Nimbus Lab</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Nimbus Lab is running</h1>
<p>The AWS endpoint works. The console is being built for its first start (about a minute); this page reloads by itself.</p>
</body></html>
`;

/** `rel` is the decoded path under /_lab/ ('' for the index); `building`: a first-start build is running. */
export async function serveStatic(webRoot: string, rel: string, building = false): Promise<StaticFile> {
  const root = resolve(webRoot);
  const file = resolve(root, rel === '' ? 'index.html' : rel);
  if (file !== root && !file.startsWith(root + sep)) return notFound();
  try {
    let target = file;
    if ((await stat(target)).isDirectory()) target = join(target, 'index.html');
    const body = await readFile(target);
    const type = TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
    // Vite fingerprints assets; the index must always be fresh to pick up new fingerprints.
    const cache = target.includes(`${sep}assets${sep}`) ? 'private, max-age=31536000, immutable' : 'no-cache';
    return {
      status: 200,
      headers: { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' },
      body,
    };
  } catch {
    if (rel === '' || rel === 'index.html') {
      return {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
        body: building ? BUILDING : NOT_BUILT,
      };
    }
    return notFound();
  }
}

const notFound = (): StaticFile => ({
  status: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: 'Not found\n',
});
