/**
 * flock FILE COMMAND… / flock FILE -c 'COMMAND': holds an advisory lock on FILE while the command
 * runs (util-linux's options -n, -w, -s, -x, -E). Locks on EFS files exclude across instances.
 * The file-descriptor form (`flock -n 9` after `exec 9>file`) needs descriptors just-bash does not
 * keep between commands, so it is refused with a plain explanation.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail } from '../util';
import { lock, tryLock, unlock } from './locks';

const USAGE = `Usage:
 flock [options] <file>|<directory> <command> [<argument>...]
 flock [options] <file>|<directory> -c <command>
 flock [options] <file descriptor number>
`;

const q = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function flockCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'flock',
    async run(args, ctx) {
      let nonblock = false;
      let mode: 'shared' | 'exclusive' = 'exclusive';
      let timeout: number | undefined;
      let conflictExit = 1;
      let i = 0;
      for (; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-n' || a === '--nonblock' || a === '--nb') nonblock = true;
        else if (a === '-s' || a === '--shared') mode = 'shared';
        else if (a === '-x' || a === '-e' || a === '--exclusive') mode = 'exclusive';
        else if (a === '-o' || a === '--close') continue;
        else if (a === '-w' || a === '--timeout' || a === '--wait') timeout = Number(args[++i]);
        else if (a === '-E' || a === '--conflict-exit-code') conflictExit = Number(args[++i]);
        else if (a === '-h' || a === '--help') return { stdout: USAGE, stderr: '', exitCode: 0 };
        else if (a.startsWith('-') && a !== '-c') return fail(`flock: invalid option -- '${a.replace(/^-+/, '')}'\n${USAGE}`, 64);
        else break;
      }
      const target = args[i];
      if (target === undefined) return fail(`flock: not enough arguments\n${USAGE}`, 64);
      const rest = args.slice(i + 1);
      if (/^\d+$/.test(target) && rest.length === 0)
        return fail('flock: locking a file descriptor is not available in the lab; use flock FILE COMMAND or flock FILE -c COMMAND', 64);
      if (rest.length === 0) return fail(`flock: not enough arguments\n${USAGE}`, 64);
      const line = rest[0] === '-c' ? (rest[1] ?? '') : rest.map(q).join(' ');
      const path = env.fs.resolvePath(ctx.cwd, target);
      try {
        if (!env.fs.existsSync(path)) await env.fs.writeFile(path, '');
      } catch (e) {
        const code = (e as { code?: string }).code;
        return fail(`flock: cannot open lock file ${target}: ${code === 'EACCES' ? 'Permission denied' : code === 'ENOENT' ? 'No such file or directory' : 'Read-only file system'}`, 66);
      }
      const key = lockKey(env, path);
      if (nonblock || timeout === 0) {
        if (!tryLock(key, mode)) return { stdout: '', stderr: '', exitCode: conflictExit };
      } else {
        const stop = new AbortController();
        ctx.signal?.addEventListener('abort', () => stop.abort(), { once: true });
        if (timeout !== undefined) void env.guest.host.sleep(timeout * 1000, stop.signal).then(() => stop.abort());
        const got = await lock(key, mode, stop.signal);
        stop.abort();
        if (!got) return { stdout: '', stderr: ctx.signal?.aborted ? '' : '', exitCode: conflictExit };
      }
      try {
        return await ctx.exec(line, { cwd: ctx.cwd });
      } finally {
        unlock(key);
      }
    },
  };
}

/** The same file on a shared filesystem has the same key on every machine (its filesystem and inode). */
function lockKey(env: CommandEnv, path: string): string {
  const real = env.guest.rootFs.resolvePath('/', path);
  const { mount, rel } = env.guest.rootFs.mountFor(real);
  const ino = mount.backend.get(rel)?.ino;
  const fsKey = mount.backend.id ?? `${env.guest.identity.id}:${mount.point}`;
  return ino !== undefined ? `${fsKey}#${ino}` : `${fsKey}:${rel}`;
}
