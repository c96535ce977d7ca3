/** An AwsCliHost over an in-memory filesystem, for tests of runAwsCli. */
import { posix } from 'node:path';
import type { AwsCliHost } from '../../../src-main/engine/cli';
import type { Call, Principal } from '../../../src-main/engine/index';

interface Node {
  dir: boolean;
  data: Buffer;
  mtimeMs: number;
}

export class MemoryFs {
  readonly nodes = new Map<string, Node>([['/', { dir: true, data: Buffer.alloc(0), mtimeMs: 0 }]]);
  constructor(private readonly now: () => number) {}
  private enoent(p: string): Error {
    return Object.assign(new Error(`ENOENT: no such file or directory, '${p}'`), { code: 'ENOENT' });
  }
  async readFile(p: string): Promise<Uint8Array> {
    const n = this.nodes.get(p);
    if (!n || n.dir) throw this.enoent(p);
    return n.data;
  }
  async writeFile(p: string, data: Uint8Array): Promise<void> {
    if (!this.nodes.get(posix.dirname(p))?.dir) throw this.enoent(p);
    this.nodes.set(p, { dir: false, data: Buffer.from(data), mtimeMs: this.now() });
  }
  async stat(p: string) {
    const n = this.nodes.get(p);
    return n ? { isFile: !n.dir, isDirectory: n.dir, size: n.data.length, mtimeMs: n.mtimeMs } : undefined;
  }
  async readdir(p: string): Promise<string[]> {
    const prefix = p.endsWith('/') ? p : `${p}/`;
    return [...this.nodes.keys()].filter((k) => k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map((k) => k.slice(prefix.length));
  }
  async mkdir(p: string): Promise<void> {
    const parts = p.split('/').filter(Boolean);
    let cur = '';
    for (const part of parts) {
      cur += `/${part}`;
      if (!this.nodes.has(cur)) this.nodes.set(cur, { dir: true, data: Buffer.alloc(0), mtimeMs: this.now() });
    }
  }
  async rm(p: string): Promise<void> {
    this.nodes.delete(p);
  }
  /** Seeds files (relative to `root`) with a given mtime. */
  seed(root: string, files: Record<string, string>, mtimeMs: number): void {
    for (const [rel, text] of Object.entries(files)) {
      const full = posix.join(root, rel);
      void this.mkdir(posix.dirname(full));
      this.nodes.set(full, { dir: false, data: Buffer.from(text), mtimeMs });
    }
  }
}

export interface MemoryHost extends AwsCliHost {
  fs: MemoryFs;
  out: string;
  err: string;
  answers: string[];
}

export function memoryHost(opts: {
  call: Call;
  lookup(id: string): { secretAccessKey: string; principal: Principal } | undefined;
  env?: Record<string, string>;
  now?: () => number;
  cwd?: string;
}): MemoryHost {
  const now = opts.now ?? Date.now;
  const fs = new MemoryFs(now);
  void fs.mkdir('/home/learner');
  const host: MemoryHost = {
    call: opts.call,
    resolveCredentials: opts.lookup,
    fs,
    env: opts.env ?? {},
    cwd: opts.cwd ?? '/home/learner',
    home: '/home/learner',
    out: '',
    err: '',
    answers: [],
    stdin: {
      async readLine(prompt: string) {
        host.out += prompt;
        return host.answers.shift();
      },
    },
    stdout(t: string) {
      host.out += t;
    },
    stderr(t: string) {
      host.err += t;
    },
    now,
    async sleep() {},
  };
  return host;
}
