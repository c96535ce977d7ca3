/** top: one frame when output is not a terminal (top -b -n 1), else refreshing frames until q or Ctrl-C. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { cpuTimePlus, formatUptime, memory, processCpu } from '../../proc';
import { ok } from '../util';

/** What the previous frame saw of each process (CPU seconds, when), per guest: %CPU is the change since. */
const lastSeen = new WeakMap<object, Map<number, { cpuSeconds: number; at: number }>>();

function frame(env: CommandEnv): string {
  const g = env.guest;
  const now = g.host.clock.now();
  const m = memory(g.identity.hardware);
  const procs = g.processes();
  const seen = lastSeen.get(g) ?? new Map<number, { cpuSeconds: number; at: number }>();
  const rows = procs.map((p) => {
    const cpu = processCpu(p.cpuMs?.() ?? 0, g.host.clock.warp, seen.get(p.pid) ?? { cpuSeconds: 0, at: p.startedAt }, now);
    return { p, cpu };
  });
  lastSeen.set(g, new Map(rows.map(({ p, cpu }) => [p.pid, { cpuSeconds: cpu.seconds, at: now }])));
  // Busiest first, as top sorts by %CPU.
  rows.sort((a, b) => b.cpu.percent - a.cpu.percent || a.p.pid - b.p.pid);
  const vCpus = Math.max(1, g.identity.hardware.vCpus);
  const us = Math.min(100, rows.reduce((sum, r) => sum + r.cpu.percent, 0) / vCpus);
  const running = rows.filter((r) => r.cpu.percent >= 1).length;
  const t = new Date(now).toISOString().slice(11, 19);
  const users = new Set([...g.sessions.values()].map((s) => s.user)).size;
  const load = (us / 100) * vCpus;
  const lines = [
    `top - ${t} up ${formatUptime((now - g.bootedAt) / 1000)},  ${users} user${users === 1 ? '' : 's'},  load average: ${load.toFixed(2)}, ${(load * 0.6).toFixed(2)}, ${(load * 0.25).toFixed(2)}`,
    `Tasks: ${procs.length + 60} total, ${String(Math.max(1, running)).padStart(3)} running, ${procs.length + 60 - Math.max(1, running)} sleeping,   0 stopped,   0 zombie`,
    `%Cpu(s): ${us.toFixed(1).padStart(4)} us,  0.0 sy,  0.0 ni, ${(100 - us).toFixed(1).padStart(4)} id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st`,
    `KiB Mem : ${String(m.totalKiB).padStart(8)} total, ${String(m.freeKiB).padStart(8)} free, ${String(m.usedKiB).padStart(8)} used, ${String(m.buffCacheKiB).padStart(8)} buff/cache`,
    `KiB Swap:        0 total,        0 free,        0 used. ${String(m.availableKiB).padStart(8)} avail Mem`,
    '',
    '  PID USER      PR  NI    VIRT    RES    SHR S  %CPU %MEM     TIME+ COMMAND',
    ...rows.map(
      ({ p, cpu }) =>
        `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)}  20   0 ${String(19000 + p.pid).padStart(7)} ${String(1500 + (p.pid % 500)).padStart(6)} ${String(1200 + (p.pid % 300)).padStart(6)} ${cpu.percent >= 1 ? 'R' : 'S'} ${cpu.percent.toFixed(1).padStart(5)}  0.1 ${cpuTimePlus(cpu.seconds).padStart(9)} ${p.command.split(' ')[0]!.split('/').pop()}`,
    ),
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
