/** ip addr / ifconfig: every attached network interface (§3.7 shows eth0 and eth1, MTU 9001). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail, ok } from '../util';

const prefixLen = (cidr: string): number => Number(cidr.split('/')[1] ?? 20);
function mask(len: number): string {
  const n = len === 0 ? 0 : (~0 << (32 - len)) >>> 0;
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}
function broadcast(ip: string, len: number): string {
  const parts = ip.split('.').map(Number);
  const n = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  const b = (n | (len === 32 ? 0 : 0xffffffff >>> len)) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}
const v6 = (mac: string): string => {
  const p = mac.split(':').map((x) => parseInt(x, 16));
  p[0] = p[0]! ^ 2;
  const h = (a: number, b: number): string => ((a << 8) | b).toString(16);
  return `fe80::${h(p[0]!, p[1]!)}:${h(p[2]!, 0xff)}:${h(0xfe, p[3]!)}:${h(p[4]!, p[5]!)}`;
};

function nics(env: CommandEnv) {
  const id = env.guest.identity;
  if (id.kind === 'workstation' && id.interfaces.length === 0) return [{ device: 'eth0', mac: '52:54:00:12:34:56', privateIp: env.guest.sourceAddress(), subnetCidr: `${env.guest.sourceAddress()}/24` }];
  return id.interfaces;
}

export function ipCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'ip',
    async run(args) {
      const obj = args[0] ?? '';
      if (!/^(a|addr|address|link|l|r|route)$/.test(obj)) return fail(`Object "${obj}" is unknown, try "ip help".`, 255);
      if (obj === 'r' || obj === 'route') {
        const n = nics(env)[0]!;
        const gw = n.subnetCidr.split('/')[0]!.replace(/\d+$/, (d) => String(Number(d) + 1));
        return ok(`default via ${gw} dev eth0 \n169.254.169.254 dev eth0 \n${n.subnetCidr} dev eth0 proto kernel scope link src ${n.privateIp} \n`);
      }
      let out = '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n';
      if (!obj.startsWith('l')) out += '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n';
      nics(env).forEach((n, i) => {
        const len = prefixLen(n.subnetCidr);
        out += `${i + 2}: ${n.device}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9001 qdisc pfifo_fast state UP group default qlen 1000\n    link/ether ${n.mac} brd ff:ff:ff:ff:ff:ff\n`;
        if (!obj.startsWith('l')) out += `    inet ${n.privateIp}/${len} brd ${broadcast(n.privateIp, len)} scope global dynamic ${n.device}\n       valid_lft 3540sec preferred_lft 3540sec\n    inet6 ${v6(n.mac)}/64 scope link \n       valid_lft forever preferred_lft forever\n`;
      });
      return ok(out);
    },
  };
}

export function ifconfigCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'ifconfig',
    async run() {
      let out = '';
      for (const n of nics(env)) {
        const len = prefixLen(n.subnetCidr);
        out += `${n.device.padEnd(10)}Link encap:Ethernet  HWaddr ${n.mac.toUpperCase()}  \n          inet addr:${n.privateIp}  Bcast:${broadcast(n.privateIp, len)}  Mask:${mask(len)}\n          inet6 addr: ${v6(n.mac)}/64 Scope:Link\n          UP BROADCAST RUNNING MULTICAST  MTU:9001  Metric:1\n          RX packets:${5000 + n.privateIp.length * 37} errors:0 dropped:0 overruns:0 frame:0\n          TX packets:${3000 + n.privateIp.length * 21} errors:0 dropped:0 overruns:0 carrier:0\n          collisions:0 txqueuelen:1000 \n          RX bytes:1823454 (1.7 MiB)  TX bytes:412310 (402.6 KiB)\n\n`;
      }
      out += 'lo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n          inet6 addr: ::1/128 Scope:Host\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n          RX packets:2 errors:0 dropped:0 overruns:0 frame:0\n          TX packets:2 errors:0 dropped:0 overruns:0 carrier:0\n          collisions:0 txqueuelen:1 \n          RX bytes:140 (140.0 b)  TX bytes:140 (140.0 b)\n\n';
      return ok(out);
    },
  };
}
