/** ps (ps, ps aux, ps -ef) and kill, over the guest's processes: init, daemons, services, shells, jobs, with the CPU each used. */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { fail, ok } from '../util';
import { cpuTime, processCpu, type ProcessCpu } from '../../proc';
import type { GuestProcess } from '../../machine';

const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

/** ps: CPU over the process's whole life. */
const cpuOf = (env: CommandEnv, p: GuestProcess): ProcessCpu =>
  processCpu(p.cpuMs?.() ?? 0, env.guest.host.clock.warp, { cpuSeconds: 0, at: p.startedAt }, env.guest.host.clock.now());

export function psCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'ps',
    async run(args) {
      const procs = env.guest.processes();
      const me = env.shell;
      const joined = args.join(' ');
      if (/\baux\b|-aux|\bax\b/.test(joined)) {
        let out = 'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
        for (const p of procs) {
          const cpu = cpuOf(env, p);
          const stat = cpu.percent >= 1 ? 'R   ' : 'Ss  ';
          out += `${p.user.slice(0, 8).padEnd(8)} ${String(p.pid).padStart(5)} ${cpu.percent.toFixed(1).padStart(4)}  ${p.pid === 1 ? '0.3' : '0.1'} ${String(19000 + (p.pid % 97) * 113).padStart(6)} ${String(1500 + (p.pid % 89) * 31).padStart(5)} ${p.tty.padEnd(8)} ${stat} ${hhmm(p.startedAt)} ${cpuTime(cpu.seconds).padStart(6)} ${p.command}\n`;
        }
        out += `${me.user().slice(0, 8).padEnd(8)} ${String(me.pid + 40).padStart(5)}  0.0  0.1 117156  1244 pts/0    R+   ${hhmm(env.guest.host.clock.now())}   0:00 ps ${args.join(' ')}\n`;
        return ok(out);
      }
      if (args.includes('-ef') || args.includes('-e')) {
        let out = 'UID        PID  PPID  C STIME TTY          TIME CMD\n';
        for (const p of procs) {
          const cpu = cpuOf(env, p);
          const hms = new Date(cpu.seconds * 1000).toISOString().slice(11, 19);
          out += `${p.user.slice(0, 8).padEnd(8)} ${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)} ${String(Math.round(cpu.percent)).padStart(2)} ${hhmm(p.startedAt)} ${p.tty.padEnd(8)} ${hms} ${p.command}\n`;
        }
        return ok(out);
      }
      if (args.length > 0 && !args.every((a) => a === '-f')) return fail(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]`);
      return ok(`  PID TTY          TIME CMD\n${String(me.pid).padStart(5)} pts/0    00:00:00 bash\n${String(me.pid + 40).padStart(5)} pts/0    00:00:00 ps\n`);
    },
  };
}

export function killCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'kill',
    async run(args) {
      if (args[0] === '-l') return ok(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t15) SIGTERM\n');
      const pids = args.filter((a) => !a.startsWith('-'));
      if (pids.length === 0) return fail('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]', 2);
      let stderr = '';
      for (const p of pids) {
        const job = p.startsWith('%') ? env.shell.jobs.find(p) : undefined;
        if (p.startsWith('%') && !job) {
          stderr += `-bash: kill: ${p}: no such job\n`;
          continue;
        }
        const pid = job ? job.pid : Number(p);
        const svc = [...env.guest.services.values()].find((s) => s.pid === pid);
        const proc = env.guest.processes().find((x) => x.pid === pid);
        if (!proc) {
          stderr += `-bash: kill: (${p}) - No such process\n`;
          continue;
        }
        const me = env.user();
        if (me.uid !== 0 && proc.user !== me.name) {
          stderr += `-bash: kill: (${p}) - Operation not permitted\n`;
          continue;
        }
        if (svc) env.guest.services.delete(svc.name);
        else if (proc.kill) proc.kill();
        else if (pid > 2) env.guest.sessions.delete(pid);
      }
      return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
    },
  };
}
