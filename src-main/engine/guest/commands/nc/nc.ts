/** nc -z HOST PORT (port checks in the book's boot scripts, §10.3): open, refused or timed out. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { reach } from '../../net-client';
import { fail } from '../util';

export function ncCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'nc',
    async run(args, ctx) {
      const zero = args.some((a) => /^-[a-zA-Z]*z/.test(a));
      const verbose = args.some((a) => /^-[a-zA-Z]*v/.test(a));
      let wait: number | undefined;
      const ops: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-w') wait = Number(args[++i]) * 1000;
        else if (!a.startsWith('-')) ops.push(a);
      }
      const [host, portText] = ops;
      if (!host || !portText) return fail('usage: nc [-46DdhklnrStUuvzC] [-i interval] [-p source_port] [-s source_ip_address] [-T ToS] [-w timeout] [-X proxy_version] [-x proxy_address[:port]] [hostname] [port[s]]');
      const port = Number(portText);
      const { address, result } = reach(env.guest, host, 'tcp', port, env.io());
      if (!address) return fail(`nc: getaddrinfo: Name or service not known`);
      let open = result.ok;
      if (result.ok && result.target.kind === 'guest') open = env.guest.host.net.guest(result.target.guestId)?.listens(port) ?? false;
      if (result.ok && result.target.kind === 'self') open = env.guest.listens(port);
      if (open) {
        if (!zero) return fail('nc: the lab supports port checks (nc -z host port) only');
        return { stdout: '', stderr: verbose ? `Connection to ${host} ${port} port [tcp/*] succeeded!\n` : '', exitCode: 0 };
      }
      if (!result.ok && result.failure === 'timeout') await env.guest.host.waitTimeout(wait ?? 127_000, ctx.signal);
      return { stdout: '', stderr: verbose ? `nc: connect to ${host} port ${port} (tcp) ${!result.ok && result.failure === 'timeout' ? 'timed out: Operation now in progress' : 'failed: Connection refused'}\n` : '', exitCode: 1 };
    },
  };
}
