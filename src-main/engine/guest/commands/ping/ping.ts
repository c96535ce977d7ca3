/**
 * ping over ICMP in the network model: replies when security groups and NACLs allow ICMP, else
 * silence until the count runs out (§6.4.2). Without -c it runs until Ctrl-C, one probe a second.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { reach } from '../../net-client';
import { Output, fail } from '../util';

export function pingCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'ping',
    async run(args, ctx) {
      let count: number | undefined;
      let host: string | undefined;
      let timeoutS: number | undefined;
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-c') count = Number(args[++i]);
        else if (a.startsWith('-c')) count = Number(a.slice(2));
        else if (a === '-W' || a === '-w') timeoutS = Number(args[++i]);
        else if (a === '-q' || a === '-n') continue;
        else if (a.startsWith('-')) return fail(`ping: invalid option -- '${a.slice(1)}'\nUsage: ping [-aAbBdDfhLnOqrRUvV] [-c count] [-i interval] [-w deadline] destination`, 2);
        else host = a;
      }
      void timeoutS;
      if (!host) return fail('Usage: ping [-aAbBdDfhLnOqrRUvV] [-c count] [-i interval] [-w deadline] destination', 2);
      const io = env.io();
      if (count === undefined && !io?.streaming) count = 4;
      const out = new Output(io);
      const { address, result } = reach(env.guest, host, 'icmp', 0, io);
      if (!address) return fail(`ping: unknown host ${host}`, 2);
      const self = result.ok && result.target.kind === 'self';
      out.write(`PING ${host} (${address}) 56(84) bytes of data.\n`);
      let sent = 0;
      let received = 0;
      const times: number[] = [];
      const start = env.guest.host.clock.now();
      while (count === undefined || sent < count) {
        if (ctx.signal?.aborted) break;
        sent++;
        if (result.ok) {
          const rtt = self ? 0.03 + Math.random() * 0.02 : env.guest.identity.kind === 'workstation' ? 112 + Math.random() * 10 : 0.4 + Math.random() * 0.3;
          times.push(rtt);
          received++;
          out.write(`64 bytes from ${host === address ? address : `${host} (${address})`}: icmp_seq=${sent} ttl=${self ? 64 : 49} time=${rtt < 1 ? rtt.toFixed(3) : rtt.toFixed(1)} ms\n`);
        }
        if (count !== undefined && sent >= count) break;
        await env.guest.host.sleep(1000, ctx.signal);
      }
      if (ctx.signal?.aborted) out.write('^C');
      const elapsed = Math.round(env.guest.host.clock.now() - start);
      const loss = sent === 0 ? 0 : Math.round(((sent - received) / sent) * 100);
      out.write(`\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} received, ${loss}% packet loss, time ${elapsed}ms\n`);
      if (times.length) {
        const min = Math.min(...times);
        const max = Math.max(...times);
        const avg = times.reduce((s, t) => s + t, 0) / times.length;
        const mdev = Math.sqrt(times.reduce((s, t) => s + (t - avg) ** 2, 0) / times.length);
        out.write(`rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n`);
      }
      return out.done(received > 0 ? 0 : 1);
    },
  };
}
