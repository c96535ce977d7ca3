/** nslookup, dig and host for names in the virtual network (EC2 DNS names, EFS, the offline internet). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail, ok } from '../util';

const resolver = (env: CommandEnv): string => (env.guest.identity.kind === 'instance' ? '172.31.0.2' : '192.168.1.1');

export function nslookupCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'nslookup',
    async run(args) {
      const name = args.find((a) => !a.startsWith('-'));
      if (!name) return fail('nslookup: interactive mode is not available in the lab; give a name');
      const addr = env.guest.host.net.resolve(env.guest, name);
      const head = `Server:\t\t${resolver(env)}\nAddress:\t${resolver(env)}#53\n\n`;
      if (!addr) return { stdout: `${head}** server can't find ${name}: NXDOMAIN\n\n`, stderr: '', exitCode: 1 };
      return ok(`${head}Non-authoritative answer:\nName:\t${name}\nAddress: ${addr}\n\n`);
    },
  };
}

export function hostCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'host',
    async run(args) {
      const name = args.find((a) => !a.startsWith('-'));
      if (!name) return fail('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] hostname [server]');
      const addr = env.guest.host.net.resolve(env.guest, name);
      if (!addr) return { stdout: `Host ${name} not found: 3(NXDOMAIN)\n`, stderr: '', exitCode: 1 };
      return ok(`${name} has address ${addr}\n`);
    },
  };
}

export function digCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'dig',
    async run(args) {
      const short = args.includes('+short');
      const name = args.find((a) => !a.startsWith('-') && !a.startsWith('+') && !a.startsWith('@')) ?? '.';
      const addr = env.guest.host.net.resolve(env.guest, name);
      if (short) return ok(addr ? `${addr}\n` : '');
      const status = addr ? 'NOERROR' : 'NXDOMAIN';
      return ok(`\n; <<>> DiG 9.9.4-RedHat-9.9.4-51.amzn1 <<>> ${name}\n;; global options: +cmd\n;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: 4242\n;; flags: qr rd ra; QUERY: 1, ANSWER: ${addr ? 1 : 0}, AUTHORITY: 0, ADDITIONAL: 1\n\n;; QUESTION SECTION:\n;${name}.\t\t\tIN\tA\n${addr ? `\n;; ANSWER SECTION:\n${name}.\t60\tIN\tA\t${addr}\n` : ''}\n;; Query time: 1 msec\n;; SERVER: ${resolver(env)}#53(${resolver(env)})\n;; MSG SIZE  rcvd: 64\n\n`);
    },
  };
}
