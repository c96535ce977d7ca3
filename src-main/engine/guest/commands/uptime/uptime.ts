/** uptime, nproc, free: from the simulated clock and the instance type (free -m matches §3.4). */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { formatUptime, memory } from '../../proc';
import { fail, ok } from '../util';

export function uptimeCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'uptime',
    async run(args) {
      const now = env.guest.host.clock.now();
      const secs = Math.max(0, (now - env.guest.bootedAt) / 1000);
      if (args.includes('-p')) return ok(`up ${formatUptime(secs).replace(/^(\d+):(\d+)$/, (_m, h: string, mm: string) => `${Number(h)} hours, ${Number(mm)} minutes`)}\n`);
      const users = new Set([...env.guest.sessions.values()].map((s) => s.user)).size;
      const t = new Date(now).toISOString().slice(11, 19);
      return ok(` ${t} up ${formatUptime(secs)},  ${users} user${users === 1 ? '' : 's'},  load average: 0.00, 0.01, 0.05\n`);
    },
  };
}

export function nprocCommand(env: CommandEnv): ShellCommand {
  return { name: 'nproc', run: async () => ok(`${env.guest.identity.hardware.vCpus}\n`) };
}

export function freeCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'free',
    async run(args) {
      const m = memory(env.guest.identity.hardware);
      let div = 1;
      let human = false;
      for (const a of args) {
        if (a === '-m' || a === '--mega') div = 1024;
        else if (a === '-g' || a === '--giga') div = 1024 * 1024;
        else if (a === '-k' || a === '--kilo') div = 1;
        else if (a === '-b' || a === '--bytes') div = 1 / 1024;
        else if (a === '-h' || a === '--human') human = true;
        else if (a === '-t' || a === '--total') continue;
        else return fail(`free: invalid option -- '${a.replace(/^-+/, '')}'\nUsage:\n free [options]`);
      }
      const f = (kib: number): string =>
        human ? (kib >= 1024 * 1024 ? `${(kib / 1048576).toFixed(1)}G` : `${Math.round(kib / 1024)}M`) : String(Math.floor(kib / div));
      const w = 12;
      const head = `${''.padEnd(7)}${'total'.padStart(w)}${'used'.padStart(w)}${'free'.padStart(w)}${'shared'.padStart(w)}${'buff/cache'.padStart(w)}${'available'.padStart(w)}\n`;
      const mem = `${'Mem:'.padEnd(7)}${[m.totalKiB, m.usedKiB, m.freeKiB, m.sharedKiB, m.buffCacheKiB, m.availableKiB].map((v) => f(v).padStart(w)).join('')}\n`;
      const swap = `${'Swap:'.padEnd(7)}${[0, 0, 0].map((v) => f(v).padStart(w)).join('')}\n`;
      return ok(head + mem + swap);
    },
  };
}
