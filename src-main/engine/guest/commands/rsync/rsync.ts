/**
 * rsync -a (§10.7 copies a directory between instances): local copies, and copies to or from
 * `user@host:path` the way rsync really does it — over ssh (`-e` chooses the command) to an
 * `rsync --server` on the other guest, which reads or writes the files as the remote user. The
 * wire format between the two ends is the lab's own (JSON lines), not rsync's protocol.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import type { GuestFs } from '../../fs/guest-fs';
import { fail, shellQuote } from '../util';

interface Entry {
  path: string;
  dir: boolean;
  mode: number;
  data?: string;
}

const USAGE = 'rsync  version 3.0.6  protocol version 30\nUsage: rsync [OPTION]... SRC [SRC]... DEST\n  or   rsync [OPTION]... SRC [SRC]... [USER@]HOST:DEST\n  or   rsync [OPTION]... [USER@]HOST:SRC [DEST]\n';

/** The entries under `src`: with a trailing slash its contents, else the directory itself. */
function collect(fs: GuestFs, src: string, abs: string): Entry[] {
  const st = fs.statSync(abs);
  const base = src.endsWith('/') || !st.isDirectory ? '' : `${abs.split('/').filter(Boolean).pop()}/`;
  if (!st.isDirectory) return [{ path: abs.split('/').pop()!, dir: false, mode: st.mode & 0o7777, data: Buffer.from(fs.readSync(abs)).toString('base64') }];
  const out: Entry[] = base ? [{ path: base, dir: true, mode: st.mode & 0o7777 }] : [{ path: './', dir: true, mode: st.mode & 0o7777 }];
  const walk = (dir: string, rel: string): void => {
    for (const name of fs.listSync(dir).sort()) {
      const p = `${dir}/${name}`;
      const s = fs.statSync(p);
      if (s.isDirectory) {
        out.push({ path: `${rel}${name}/`, dir: true, mode: s.mode & 0o7777 });
        walk(p, `${rel}${name}/`);
      } else if (s.isFile) out.push({ path: `${rel}${name}`, dir: false, mode: s.mode & 0o7777, data: Buffer.from(fs.readSync(p)).toString('base64') });
    }
  };
  walk(abs, base);
  return out;
}

/** Writes entries under `dest`; a single file onto a name that is not a directory becomes that name. */
function apply(fs: GuestFs, entries: Entry[], dest: string, opts: { perms: boolean; del: boolean }): string[] {
  const errors: string[] = [];
  const single = entries.length === 1 && !entries[0]!.dir && !(fs.existsSync(dest) && fs.statSync(dest).isDirectory) && !dest.endsWith('/');
  if (!single && !fs.existsSync(dest)) fs.mkdirSync(dest, true);
  const keep = new Set<string>();
  for (const e of entries) {
    const target = single ? dest : `${dest.replace(/\/$/, '')}/${e.path}`.replace(/\/\.\/$/, '').replace(/\/$/, '');
    keep.add(target);
    try {
      if (e.dir) {
        if (!fs.existsSync(target)) fs.mkdirSync(target, true, opts.perms ? e.mode : 0o755);
      } else fs.writeSync(target, Buffer.from(e.data ?? '', 'base64'), false, opts.perms ? e.mode : 0o644);
    } catch (err) {
      const code = (err as { code?: string }).code;
      errors.push(`rsync: mkstemp "${target}" failed: ${code === 'EACCES' ? 'Permission denied (13)' : (err as Error).message}`);
    }
  }
  if (opts.del) {
    const roots = new Set(entries.filter((e) => e.dir).map((e) => `${dest.replace(/\/$/, '')}/${e.path}`.replace(/\/\.\/$/, '').replace(/\/$/, '')));
    for (const r of roots) {
      for (const name of fs.listSync(r)) {
        const p = `${r}/${name}`;
        if (!keep.has(p)) void fs.rm(p, { recursive: true, force: true });
      }
    }
  }
  return errors;
}

const remoteOf = (s: string): { host: string; path: string } | undefined => {
  const m = /^((?:[^@/:]+@)?[^/:]+):(.*)$/.exec(s);
  return m ? { host: m[1]!, path: m[2] || '.' } : undefined;
};

export function rsyncCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'rsync',
    async run(args, ctx) {
      const fs = env.fs;
      const resolve = (p: string): string => fs.resolvePath(ctx.cwd, p.replace(/^~(?=\/|$)/, env.user().home));
      // The far end of a copy over ssh.
      if (args[0] === '--server') {
        const [, mode, path = '.'] = args;
        if (mode === '--send') {
          try {
            return { stdout: collect(fs, path, resolve(path)).map((e) => JSON.stringify(e)).join('\n'), stderr: '', exitCode: 0 };
          } catch {
            return fail(`rsync: link_stat "${resolve(path)}" failed: No such file or directory (2)`, 23);
          }
        }
        const entries = ctx.stdin.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Entry);
        const errors = apply(fs, entries, resolve(path), { perms: args.includes('-p'), del: args.includes('--delete') });
        return errors.length ? fail(errors.join('\n'), 23) : { stdout: '', stderr: '', exitCode: 0 };
      }
      let verbose = false;
      let perms = false;
      let del = false;
      let shell = 'ssh';
      const ops: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-e' || a === '--rsh') shell = args[++i] ?? 'ssh';
        else if (a.startsWith('--rsh=')) shell = a.slice(6);
        else if (a === '--delete') del = true;
        else if (a === '--version') return { stdout: `${USAGE.split('\n')[0]}\n`, stderr: '', exitCode: 0 };
        else if (a.startsWith('--')) continue;
        else if (a.startsWith('-') && a.length > 1) {
          if (a.includes('v')) verbose = true;
          if (a.includes('a') || a.includes('p')) perms = true;
        } else ops.push(a);
      }
      if (ops.length < 2) return fail(`${USAGE}rsync error: syntax or usage error (code 1) at main.c(1348) [client=3.0.6]`, 1);
      const dest = ops.pop()!;
      const srcs = ops;
      let entries: Entry[] = [];
      for (const s of srcs) {
        const r = remoteOf(s);
        if (r) {
          const res = await ctx.exec(`${shell} ${shellQuote(r.host)} rsync --server --send ${shellQuote(r.path)}`);
          if (res.exitCode !== 0) return fail(`${res.stderr.trimEnd()}\nrsync: connection unexpectedly closed (0 bytes received so far) [Receiver]\nrsync error: unexplained error (code 255) at io.c(600) [Receiver=3.0.6]`, res.exitCode === 255 ? 255 : 23);
          entries.push(...res.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Entry));
          continue;
        }
        try {
          entries.push(...collect(fs, s, resolve(s)));
        } catch {
          return fail(`rsync: change_dir "${resolve(s)}" failed: No such file or directory (2)\nrsync error: some files/attrs were not transferred (see previous errors) (code 23) at main.c(1039) [sender=3.0.6]`, 23);
        }
      }
      if (entries.filter((e) => e.path === './').length > 1) entries = entries.filter((e, i) => e.path !== './' || i === 0);
      const r = remoteOf(dest);
      let errors: string[] = [];
      if (r) {
        const res = await ctx.exec(`${shell} ${shellQuote(r.host)} rsync --server --receive ${shellQuote(r.path)}${perms ? ' -p' : ''}${del ? ' --delete' : ''}`, { stdin: entries.map((e) => JSON.stringify(e)).join('\n') });
        if (res.exitCode === 255) return fail(`${res.stderr.trimEnd()}\nrsync: connection unexpectedly closed (0 bytes received so far) [sender]\nrsync error: unexplained error (code 255) at io.c(600) [sender=3.0.6]`, 255);
        if (res.exitCode !== 0) errors = res.stderr.trimEnd().split('\n');
      } else errors = apply(fs, entries, resolve(dest), { perms, del });
      let stdout = '';
      if (verbose) {
        const size = entries.reduce((a, e) => a + (e.data ? Buffer.from(e.data, 'base64').length : 0), 0);
        const sent = size + entries.length * 40 + 60;
        stdout = `sending incremental file list\n${entries.map((e) => `${e.path}\n`).join('')}\nsent ${sent} bytes  received ${entries.length * 12 + 30} bytes  ${(sent * 2).toFixed(2)} bytes/sec\ntotal size is ${size}  speedup is ${(size / sent).toFixed(2)}\n`;
      }
      if (errors.length) return { stdout, stderr: `${errors.join('\n')}\nrsync error: some files/attrs were not transferred (see previous errors) (code 23) at main.c(1039) [sender=3.0.6]\n`, exitCode: 23 };
      return { stdout, stderr: '', exitCode: 0 };
    },
  };
}
