/**
 * Job control for a login shell: `cmd &` runs the command as a child shell of its own (the
 * exported variables and the working directory, as a forked bash has) while the prompt comes
 * back; `jobs`, `wait`, `fg`, `kill %N` and `disown` act on it; `ps` lists it. What a background
 * job prints goes to the terminal as each of its statements finishes, as with bash.
 */
import type { ShellCommand } from '../shell';
import type { CommandEnv } from '../commands/registry';

export interface Job {
  id: number;
  pid: number;
  command: string;
  state: 'Running' | 'Done' | 'Exit' | 'Killed';
  status: number;
  done: Promise<number>;
  abort: AbortController;
  /** Reported as finished at a prompt already (bash tells once). */
  reported: boolean;
}

export class JobTable {
  private readonly jobs = new Map<number, Job>();

  /** Numbers start again at 1 once the table is empty, as in bash. */
  add(job: Omit<Job, 'id' | 'reported'>): Job {
    const j: Job = { ...job, id: Math.max(0, ...this.jobs.keys()) + 1, reported: false };
    this.jobs.set(j.id, j);
    return j;
  }
  list(): Job[] {
    return [...this.jobs.values()];
  }
  /** %N, %+ (the current job), or a PID. */
  find(spec: string): Job | undefined {
    if (spec === '%+' || spec === '%%' || spec === '%') return this.list().at(-1);
    if (spec.startsWith('%')) return this.jobs.get(Number(spec.slice(1)));
    return this.list().find((j) => j.pid === Number(spec));
  }
  remove(job: Job): void {
    this.jobs.delete(job.id);
  }
  /** Finished jobs not yet reported ("[1]+  Done  sleep 5"), removed from the table. */
  finished(): Job[] {
    const out = this.list().filter((j) => j.state !== 'Running' && !j.reported);
    for (const j of out) {
      j.reported = true;
      this.jobs.delete(j.id);
    }
    return out;
  }
}

/** A job's line as `jobs` prints it. */
export function jobLine(j: Job, current: boolean): string {
  const state = j.state === 'Exit' ? `Exit ${j.status}` : j.state === 'Killed' ? 'Terminated' : j.state;
  return `[${j.id}]${current ? '+' : '-'}  ${state.padEnd(24)}${j.command}`;
}

export function jobsCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'jobs',
    async run(args) {
      const all = env.shell.jobs.list();
      const lines = all.map((j, i) => (args.includes('-p') ? String(j.pid) : args.includes('-l') ? jobLine(j, i === all.length - 1).replace(/^(\[\d+\][+-])/, `$1 ${j.pid}`) : jobLine(j, i === all.length - 1)));
      return { stdout: lines.length ? `${lines.join('\n')}\n` : '', stderr: '', exitCode: 0 };
    },
  };
}

export function disownCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'disown',
    async run(args) {
      const specs = args.filter((a) => !a.startsWith('-') || a.startsWith('%'));
      const jobs = specs.length ? specs.map((s) => env.shell.jobs.find(s)) : [env.shell.jobs.list().at(-1)];
      for (const [i, j] of jobs.entries()) {
        if (!j) return { stdout: '', stderr: `-bash: disown: ${specs[i] ?? 'current'}: no such job\n`, exitCode: 1 };
        env.shell.jobs.remove(j);
      }
      return { stdout: '', stderr: '', exitCode: 0 };
    },
  };
}

/** nohup: runs the command with its output appended to nohup.out (when it is not redirected already). */
export function nohupCommand(): ShellCommand {
  return {
    name: 'nohup',
    async run(args, ctx) {
      if (args.length === 0) return { stdout: '', stderr: "nohup: missing operand\nTry 'nohup --help' for more information.\n", exitCode: 125 };
      const q = (w: string): string => `'${w.replace(/'/g, `'\\''`)}'`;
      const r = await ctx.exec(`${args.map(q).join(' ')} >> nohup.out 2>&1`, { cwd: ctx.cwd });
      return { stdout: '', stderr: `nohup: ignoring input and appending output to 'nohup.out'\n${r.exitCode === 127 ? `nohup: failed to run command '${args[0]}': No such file or directory\n` : ''}`, exitCode: r.exitCode };
    },
  };
}
