/** hostname: the name cloud-init set (ip-172-31-1-2), -f/-i/-I for the FQDN and addresses. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail, ok } from '../util';

export function hostnameCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'hostname',
    async run(args) {
      const id = env.guest.identity;
      const eth0 = id.interfaces[0];
      const short = env.shell.hostname();
      if (args.length === 0 || args.includes('-s')) return ok(`${short}\n`);
      if (args.includes('-f') || args.includes('--fqdn')) return ok(`${eth0?.privateDns ?? short}\n`);
      if (args.includes('-i') || args.includes('-I')) return ok(`${id.interfaces.map((i) => i.privateIp).join(' ')}${args.includes('-I') ? ' ' : ''}\n`);
      if (args.length === 1 && !args[0]!.startsWith('-')) {
        if (env.user().uid !== 0) return fail('hostname: you must be root to change the host name');
        env.guest.rootFs.writeSync('/etc/hostname', new TextEncoder().encode(`${args[0]}\n`), false);
        return ok();
      }
      return fail(`hostname: invalid option -- '${args[0]!.replace(/^-+/, '')}'\nUsage: hostname [-s|-f|-i|-I] [name]`);
    },
  };
}
