/** shutdown / halt / poweroff / reboot: the instance stops through EC2 (an injected callback). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail, ok } from '../util';

function make(name: string, env: CommandEnv): ShellCommand {
  return {
    name,
    async run(args) {
      if (env.user().uid !== 0) return fail(name === 'shutdown' ? 'shutdown: Need to be root' : `${name}: Need to be root`);
      const reboot = name === 'reboot' || args.includes('-r');
      if (name === 'shutdown' && !args.some((a) => a === 'now' || /^\+?\d+$/.test(a) || /^\d+:\d+$/.test(a))) return fail('shutdown: time expected\nUsage:   shutdown [-akrhPHfnc] [-t secs] time [warning message]');
      const host = env.shell.hostname();
      const when = new Date(env.guest.host.clock.now()).toUTCString().replace('GMT', '(UTC)');
      const msg = `\r\nBroadcast message from root@${host}\r\n\t(/dev/pts/0) at ${when.slice(17, 22)} ...\r\n\r\nThe system is going down for ${reboot ? 'reboot' : 'halt'} NOW!\r\n`;
      env.io()?.write(msg);
      if (reboot) env.guest.requestReboot();
      else env.guest.requestShutdown();
      return ok();
    },
  };
}

export const shutdownCommand = (env: CommandEnv): ShellCommand => make('shutdown', env);
export const haltCommand = (env: CommandEnv): ShellCommand => make('halt', env);
export const poweroffCommand = (env: CommandEnv): ShellCommand => make('poweroff', env);
export const rebootCommand = (env: CommandEnv): ShellCommand => make('reboot', env);
