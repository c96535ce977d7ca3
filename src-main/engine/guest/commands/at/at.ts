/**
 * at / atq / atrm: jobs run by the simulated clock as the user who queued them (§6.3.5: an instance
 * that stops itself after N minutes with `echo "aws ec2 stop-instances ..." | at now + 5 minutes`).
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { formatDate } from '../date/date';
import { fail, ok } from '../util';

export interface AtJob {
  id: number;
  user: string;
  runAt: number;
  commands: string;
  cwd: string;
}

const SPOOL = '/var/spool/at';

export function listJobs(env: Pick<CommandEnv, 'guest'>): AtJob[] {
  const fs = env.guest.rootFs;
  if (!fs.existsSync(SPOOL)) return [];
  return fs
    .listSync(SPOOL)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(fs.readSyncText(`${SPOOL}/${n}`)) as AtJob)
    .sort((a, b) => a.runAt - b.runAt);
}

/** 'now + 5 minutes', 'now', 'noon', '14:30', 'now + 1 hour' → simulated ms (undefined: garbled). */
export function parseAtTime(words: string[], now: number): number | undefined {
  const text = words.join(' ').toLowerCase().trim();
  if (text === 'now') return now;
  const rel = /^now\s*\+\s*(\d+)\s*(min(?:ute)?s?|hours?|days?|weeks?)$/.exec(text);
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2]!.startsWith('min') ? 60_000 : rel[2]!.startsWith('hour') ? 3_600_000 : rel[2]!.startsWith('day') ? 86_400_000 : 604_800_000;
    return Math.floor(now / 60_000) * 60_000 + n * unit;
  }
  const clock = /^(\d{1,2}):(\d{2})$/.exec(text) ?? (text === 'noon' ? ['', '12', '00'] : text === 'midnight' ? ['', '0', '00'] : null);
  if (clock) {
    const d = new Date(now);
    d.setUTCHours(Number(clock[1]), Number(clock[2]), 0, 0);
    if (d.getTime() <= now) d.setUTCDate(d.getUTCDate() + 1);
    return d.getTime();
  }
  return undefined;
}

export function atCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'at',
    async run(args, ctx) {
      if (args[0] === '-l') return atqCommand(env).run([], ctx);
      const fileIdx = args.indexOf('-f');
      const words = args.filter((a, i) => !a.startsWith('-') && (fileIdx < 0 || i !== fileIdx + 1));
      const now = env.guest.host.clock.now();
      const runAt = parseAtTime(words, now);
      if (runAt === undefined) return fail('syntax error. Last token seen: ' + (words.at(-1) ?? '') + '\nGarbled time');
      let commands = ctx.stdin;
      if (fileIdx >= 0) {
        try {
          commands = env.fs.readSyncText(env.fs.resolvePath(ctx.cwd, args[fileIdx + 1] ?? ''));
        } catch {
          return fail(`Cannot open input file ${args[fileIdx + 1]}: No such file or directory`);
        }
      }
      const jobs = listJobs(env);
      const id = (jobs.at(-1)?.id ?? 0) + 1;
      const job: AtJob = { id, user: env.user().name, runAt, commands, cwd: ctx.cwd };
      env.guest.rootFs.mkdirSync(SPOOL, true);
      env.guest.rootFs.writeSync(`${SPOOL}/${id}.json`, new TextEncoder().encode(JSON.stringify(job)), false);
      env.guest.scheduleAtJob(job);
      return { stdout: '', stderr: `warning: commands will be executed using /bin/sh\njob ${id} at ${formatDate(new Date(runAt), '%a %b %e %H:%M:%S %Y')}\n`, exitCode: 0 };
    },
  };
}

export function atqCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'atq',
    async run() {
      const me = env.user();
      return ok(listJobs(env).filter((j) => me.uid === 0 || j.user === me.name).map((j) => `${j.id}\t${formatDate(new Date(j.runAt), '%a %b %e %H:%M:%S %Y')} a ${j.user}\n`).join(''));
    },
  };
}

export function atrmCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'atrm',
    async run(args) {
      let stderr = '';
      for (const a of args) {
        const job = listJobs(env).find((j) => String(j.id) === a);
        if (!job || (env.user().uid !== 0 && job.user !== env.user().name)) stderr += `Cannot find jobid ${a}\n`;
        else await env.guest.rootFs.rm(`${SPOOL}/${a}.json`);
      }
      return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
    },
  };
}
