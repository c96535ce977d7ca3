/** Paths as the CLI sees them in a guest: `~` expanded, relative to the shell's cwd, `.`/`..` folded. */
import { posix } from 'node:path';
import type { AwsCliHost } from './host';

export function resolvePath(host: AwsCliHost, p: string): string {
  const expanded = p === '~' || p.startsWith('~/') ? host.home + p.slice(1) : p;
  return posix.resolve(host.cwd, expanded);
}

/** Reads a file; failures carry Python's OSError wording. */
export async function readFileForCli(host: AwsCliHost, p: string): Promise<Buffer> {
  const full = resolvePath(host, p);
  const st = await host.fs.stat(full).catch(() => undefined);
  if (!st) throw new Error(`[Errno 2] No such file or directory: '${p}'`);
  if (st.isDirectory) throw new Error(`[Errno 21] Is a directory: '${p}'`);
  return Buffer.from(await host.fs.readFile(full));
}
