/** Node-style filesystem errors and content encodings, as just-bash's commands expect them. */
export const S_IFMT = { file: 0o100000, dir: 0o040000, symlink: 0o120000, device: 0o060000 } as const;
export const encoder = new TextEncoder();
export const decoder = new TextDecoder();

export const err = (code: string, text: string, op: string, path: string): Error =>
  Object.assign(new Error(`${code}: ${text}, ${op} '${path}'`), { code });
export const enoent = (op: string, p: string) => err('ENOENT', 'no such file or directory', op, p);
export const eacces = (op: string, p: string) => err('EACCES', 'permission denied', op, p);

export function toBytes(content: string | Uint8Array, encoding?: string): Uint8Array {
  if (typeof content !== 'string') return content;
  if (encoding === 'binary' || encoding === 'latin1') return Uint8Array.from(content, (c) => c.charCodeAt(0) & 0xff);
  if (encoding === 'base64') return Uint8Array.from(Buffer.from(content, 'base64'));
  if (encoding === 'hex') return Uint8Array.from(Buffer.from(content, 'hex'));
  return encoder.encode(content);
}
export const encodingOf = (o: unknown): string | undefined =>
  typeof o === 'string' ? o : ((o as { encoding?: string } | undefined)?.encoding ?? undefined);

