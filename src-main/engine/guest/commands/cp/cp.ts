/**
 * cp: just-bash's cp for plain copies; the archive forms (-a, -p, --preserve) are ours, because only
 * the guest's filesystem keeps owners, modes and times. §10.3's boot script moves /home onto EFS
 * with `cp -a /home/. /oldhome` and back: trees, symlinks, owners and modes must survive.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail } from '../util';

const SHORT = new Set(['a', 'p', 'r', 'R', 'd', 'P', 'f', 'v', 'n']);

export function cpCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'cp',
    async run(args, ctx) {
      const flags = new Set<string>();
      const operands: string[] = [];
      let archive = false;
      for (const a of args) {
        if (a === '--archive') archive = true;
        else if (a === '--preserve' || a.startsWith('--preserve=')) flags.add('p');
        else if (a === '--recursive') flags.add('r');
        else if (a.startsWith('-') && !a.startsWith('--') && a.length > 1 && [...a.slice(1)].every((c) => SHORT.has(c))) for (const c of a.slice(1)) flags.add(c);
        else operands.push(a);
      }
      if (flags.has('a')) archive = true;
      // Without preserving, the bundled cp does the job as it always has.
      if (!archive && !flags.has('p')) return ctx.builtin ? ctx.builtin(args) : fail('cp: not available');
      if (operands.length < 2) return fail(`cp: missing destination file operand after '${operands[0] ?? ''}'\nTry 'cp --help' for more information.`);
      const recursive = archive || flags.has('r') || flags.has('R');
      const fs = env.fs;
      const root = env.user().uid === 0;
      const dest = fs.resolvePath(ctx.cwd, operands.at(-1)!);
      const sources = operands.slice(0, -1);
      const destIsDir = fs.existsSync(dest) && fs.statSync(dest).isDirectory;
      if (sources.length > 1 && !destIsDir) return fail(`cp: target '${operands.at(-1)}' is not a directory`);
      let stderr = '';
      const copy = async (src: string, dst: string): Promise<void> => {
        const st = fs.statSync(src, !archive);
        if (st.isSymbolicLink) {
          if (fs.existsSync(dst) || isLink(dst)) await fs.rm(dst, { force: true });
          await fs.symlink(await fs.readlink(src), dst);
          return;
        }
        if (st.isDirectory) {
          if (!recursive) {
            stderr += `cp: -r not specified; omitting directory '${src}'\n`;
            return;
          }
          if (!fs.existsSync(dst)) fs.mkdirSync(dst, false, st.mode & 0o7777);
          for (const name of fs.listSync(src)) await copy(`${src === '/' ? '' : src}/${name}`, `${dst === '/' ? '' : dst}/${name}`);
        } else fs.writeSync(dst, fs.readSync(src), false, st.mode & 0o7777);
        // Preserve: mode, times, and (as root) owner and group.
        if (root) fs.chownSync(dst, st.uid, st.gid);
        await fs.chmod(dst, st.mode & 0o7777);
        await fs.utimes(dst, st.mtime, st.mtime);
      };
      const isLink = (p: string): boolean => {
        try {
          return fs.statSync(p, false).isSymbolicLink;
        } catch {
          return false;
        }
      };
      for (const s of sources) {
        const src = fs.resolvePath(ctx.cwd, s);
        const name = s.replace(/\/+$/, '').split('/').pop() ?? '';
        const dst = destIsDir ? fs.resolvePath(dest, name) : dest;
        try {
          await copy(src, dst);
        } catch (e) {
          const code = (e as { code?: string }).code;
          const why = code === 'ENOENT' ? 'No such file or directory' : code === 'EACCES' ? 'Permission denied' : code === 'ENOSPC' ? 'No space left on device' : (e as Error).message;
          stderr += `cp: cannot copy '${s}': ${why}\n`;
        }
      }
      return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
    },
  };
}
