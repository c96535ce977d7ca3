/** top: one frame when output is not a terminal (top -b -n 1), else refreshing frames until q or Ctrl-C. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { formatUptime, memory } from '../../proc';
import { ok } from '../util';

function frame(env: CommandEnv): string {
  const g = env.guest;
  const now = g.host.clock.now();
  const m = memory(g.identity.hardware);
  const procs = g.processes();
  const t = new Date(now).toISOString().slice(11, 19);
  const users = new Set([...g.sessions.values()].map((s) => s.user)).size;
  const lines = [
    `top - ${t} up ${formatUptime((now - g.bootedAt) / 1000)},  ${users} user${users === 1 ? '' : 's'},  load average: 0.00, 0.01, 0.05`,
    `Tasks: ${procs.length + 60} total,   1 running, ${procs.length + 59} sleeping,   0 stopped,   0 zombie`,
    '%Cpu(s):  0.3 us,  0.0 sy,  0.0 ni, 99.7 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st',
    `KiB Mem : ${String(m.totalKiB).padStart(8)} total, ${String(m.freeKiB).padStart(8)} free, ${String(m.usedKiB).padStart(8)} used, ${String(m.buffCacheKiB).padStart(8)} buff/cache`,
    `KiB Swap:        0 total,        0 free,        0 used. ${String(m.availableKiB).padStart(8)} avail Mem`,
    '',
    '  PID USER      PR  NI    VIRT    RES    SHR S  %CPU %MEM     TIME+ COMMAND',
    ...procs.map((p) => `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)}  20   0 ${String(19000 + p.pid).padStart(7)} ${String(1500 + (p.pid % 500)).padStart(6)} ${String(1200 + (p.pid % 300)).padStart(6)} S   0.0  0.1   0:00.0${p.pid % 10} ${p.command.split(' ')[0]!.split('/').pop()}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function topCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'top',
    async run(args, ctx) {
      const io = env.io();
      const batch = args.includes('-b') || !io?.streaming;
      if (batch) return ok(frame(env));
      for (;;) {
        io.write(`\x1b[H\x1b[2J${frame(env).replace(/\n/g, '\r\n')}`);
        const key = await Promise.race([io.readKey(), env.guest.host.sleep(3000, ctx.signal).then(() => '')]);
        if (key === null || key === 'q' || ctx.signal?.aborted) break;
      }
      return ok();
    },
  };
}
