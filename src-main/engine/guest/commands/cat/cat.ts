/**
 * Permission-aware front for bundled file readers (cat, head, tail, wc...): just-bash reports any
 * read failure as "No such file or directory"; on a multi-user guest an unreadable file must say
 * "Permission denied", as coreutils does. Readable operands go on to the bundled command.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';

export const GUARDED_READERS = ['cat', 'head', 'tail', 'wc', 'tac', 'nl', 'md5sum', 'sha1sum', 'sha256sum', 'base64', 'od', 'strings', 'sort', 'uniq', 'file'] as const;

export function readerCommand(name: string, env: CommandEnv): ShellCommand {
  return {
    name,
    async run(args, ctx) {
      let stderr = '';
      const keep: string[] = [];
      let denied = 0;
      let operands = 0;
      for (const a of args) {
        if (a.startsWith('-') && a !== '-') {
          keep.push(a);
          continue;
        }
        const p = env.fs.resolvePath(ctx.cwd, a);
        let refused = false;
        try {
          env.fs.accessSync(p, 4);
        } catch (e) {
          refused = (e as { code?: string }).code === 'EACCES';
        }
        if (refused) {
          stderr += name === 'file' ? '' : `${name}: ${a}: Permission denied\n`;
          denied++;
          if (name === 'file') return { stdout: `${a}: regular file, no read permission\n`, stderr: '', exitCode: 0 };
          continue;
        }
        operands++;
        keep.push(a);
      }
      if (denied > 0 && operands === 0) return { stdout: '', stderr, exitCode: 1 };
      if (!ctx.builtin) return { stdout: '', stderr: `${name}: unavailable\n`, exitCode: 1 };
      const r = await ctx.builtin(keep);
      return { stdout: r.stdout, stderr: stderr + r.stderr, exitCode: denied ? 1 : r.exitCode };
    },
  };
}
