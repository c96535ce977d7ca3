/** history: the session's own command history (up/down in the terminal walks the same list). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { ok } from '../util';

export function historyCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'history',
    async run(args) {
      if (args[0] === '-c') {
        env.shell.history.length = 0;
        return ok();
      }
      const n = args[0] && /^\d+$/.test(args[0]) ? Number(args[0]) : env.shell.history.length;
      const start = Math.max(0, env.shell.history.length - n);
      return ok(env.shell.history.slice(start).map((l, i) => `${String(start + i + 1).padStart(5)}  ${l}\n`).join(''));
    },
  };
}
