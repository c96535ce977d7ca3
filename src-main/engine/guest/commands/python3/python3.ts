/**
 * python3: CPython compiled to WebAssembly (just-bash's, in a worker thread with the guest's files
 * as its file system and no way out to the host). The workstation has it, as the learner's own
 * computer would; an instance has it once a package that provides it is installed.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';

export function python3Command(env: CommandEnv, installed: () => boolean): ShellCommand {
  return {
    name: 'python3',
    async run(args, ctx) {
      const there = env.guest.image.packageManager === 'none' || installed();
      if (!there || !ctx.builtin) return { stdout: '', stderr: '-bash: python3: command not found\n', exitCode: 127 };
      return ctx.builtin(args);
    },
  };
}
