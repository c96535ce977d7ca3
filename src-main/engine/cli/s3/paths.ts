/** S3 URIs and local paths for the high-level `aws s3` commands. */
import { posix } from 'node:path';
import type { AwsCliHost } from '../host';
import { resolvePath } from '../files';

export const isS3 = (p: string): boolean => p.startsWith('s3://');

export function splitS3(p: string): { bucket: string; key: string } {
  const rest = p.startsWith('s3://') ? p.slice(5) : p;
  const slash = rest.indexOf('/');
  return slash < 0 ? { bucket: rest, key: '' } : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

/** How the CLI names a local file in its result lines: relative to the working directory. */
export function displayLocal(host: AwsCliHost, absolute: string): string {
  if (absolute === host.cwd) return '.';
  // awscli's relative_path: the folder relative to cwd, joined with the name (a file here is ./name).
  const dir = posix.relative(host.cwd, posix.dirname(absolute)) || '.';
  return `${dir}/${posix.basename(absolute)}`;
}

export interface LocalFile {
  path: string;
  /** Path relative to the walked root, with '/' separators. */
  rel: string;
  size: number;
  mtimeMs: number;
}

export async function walkLocal(host: AwsCliHost, root: string): Promise<LocalFile[]> {
  const out: LocalFile[] = [];
  const visit = async (dir: string, rel: string): Promise<void> => {
    const names = (await host.fs.readdir(dir)).sort();
    for (const name of names) {
      const full = posix.join(dir, name);
      const st = await host.fs.stat(full);
      if (!st) continue;
      const r = rel ? `${rel}/${name}` : name;
      if (st.isDirectory) await visit(full, r);
      else if (st.isFile) out.push({ path: full, rel: r, size: st.size, mtimeMs: st.mtimeMs });
    }
  };
  await visit(root, '');
  return out;
}

export { resolvePath };

/** fnmatch-style --include/--exclude, evaluated in order; the last match wins. */
export function fnmatch(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`${re}$`, 's').test(name);
}

export type Filter = { kind: 'include' | 'exclude'; pattern: string };

export function passesFilters(filters: Filter[], rootForPatterns: string, fullPath: string): boolean {
  let include = true;
  for (const f of filters) {
    const pattern = rootForPatterns.endsWith('/') || rootForPatterns === '' ? rootForPatterns + f.pattern : `${rootForPatterns}/${f.pattern}`;
    if (fnmatch(pattern, fullPath)) include = f.kind === 'include';
  }
  return include;
}
