/**
 * sudo and su. The default user has NOPASSWD sudo (cloud-init's /etc/sudoers.d entry); anyone else
 * gets sudo's refusal. `sudo -s`, `sudo -i` and `sudo su` open a root shell on the same terminal
 * until `exit`.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail, shellQuote } from '../util';

const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-AknS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-AknS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command]
usage: sudo [-AbEHknPS] [-C num] [-g group] [-h host] [-p prompt] [-u user] [VAR=value] [-i|-s] [<command>]
`;

async function rootShell(env: CommandEnv, target: string, login: boolean): Promise<ReturnType<ShellCommand['run']>> {
  const io = env.io();
  const user = env.guest.user(target);
  if (!user) return fail(`sudo: unknown user: ${target}`);
  if (!io) return { stdout: '', stderr: '', exitCode: 0 };
  const shell = env.shell.spawn(env.guest, user, { login: false, agent: env.shell.agent });
  if (!login) await shell.exec(`cd ${shellQuote(env.shell.cwd())}`);
  const status = await io.attach(shell);
  shell.close();
  return { stdout: '', stderr: '', exitCode: status };
}

export function sudoCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'sudo',
    async run(args, ctx) {
      const me = env.user();
      let target = 'root';
      let i = 0;
      let shell: 'login' | 'plain' | undefined;
      const vars: Record<string, string> = {};
      for (; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-u') target = args[++i] ?? '';
        else if (a.startsWith('-u') && a.length > 2) target = a.slice(2);
        else if (a === '-i') shell = 'login';
        else if (a === '-s') shell = 'plain';
        else if (a === '-E' || a === '-H' || a === '-n' || a === '-S') continue;
        else if (a === '-h' || a === '--help') return { stdout: USAGE, stderr: '', exitCode: 0 };
        else if (a === '-V' || a === '--version') return { stdout: 'Sudo version 1.8.6p3\n', stderr: '', exitCode: 0 };
        else if (a === '--') {
          i++;
          break;
        } else if (a.startsWith('-')) return fail(`sudo: invalid option -- '${a.slice(1, 2)}'\n${USAGE}`);
        else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
          const eq = a.indexOf('=');
          vars[a.slice(0, eq)] = a.slice(eq + 1);
        } else break;
      }
      if (!env.guest.canSudo(me.name)) {
        return fail(`${me.name} is not in the sudoers file.  This incident will be reported.`);
      }
      const rest = args.slice(i);
      if (rest.length === 0) {
        if (shell) return rootShell(env, target, shell === 'login');
        return fail(USAGE);
      }
      const user = env.guest.user(target);
      if (!user) return fail(`sudo: unknown user: ${target}`);
      if ((rest[0] === 'su' && rest.length <= 2) || (rest[0] === '-s' && rest.length === 1)) return rootShell(env, target, rest[1] === '-');
      const line = rest.map(shellQuote).join(' ');
      return env.asUser(user, () =>
        ctx.exec(line, {
          stdin: ctx.stdin,
          env: { USER: user.name, LOGNAME: user.name, HOME: shell === 'login' ? user.home : (ctx.env.get('HOME') ?? user.home), SUDO_USER: me.name, ...vars },
        }),
      );
    },
  };
}

export function suCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'su',
    async run(args) {
      const login = args.includes('-') || args.includes('-l') || args.includes('--login');
      const target = args.find((a) => !a.startsWith('-')) ?? 'root';
      if (env.user().uid !== 0) {
        const io = env.io();
        if (io) await io.readLine('Password: ', { secret: true });
        return fail('su: Authentication failure');
      }
      return rootShell(env, target, login);
    },
  };
}
