/** tee (with -a), reporting permission errors as tee does (sudo tee is how the book writes root files). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';

const WHY: Record<string, string> = { EACCES: 'Permission denied', ENOENT: 'No such file or directory', EISDIR: 'Is a directory', EROFS: 'Read-only file system', ENOSPC: 'No space left on device' };

export function teeCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'tee',
    async run(args, ctx) {
      const append = args.includes('-a') || args.includes('--append');
      const files = args.filter((a) => !a.startsWith('-'));
      let stderr = '';
      let code = 0;
      const data = new TextEncoder().encode(ctx.stdin);
      for (const f of files) {
        try {
          env.fs.writeSync(env.fs.resolvePath(ctx.cwd, f), data, append);
        } catch (e) {
          const c = (e as { code?: string }).code ?? '';
          stderr += `tee: ${f}: ${WHY[c] ?? (e as Error).message}\n`;
          code = 1;
        }
      }
      return { stdout: ctx.stdin, stderr, exitCode: code };
    },
  };
}
