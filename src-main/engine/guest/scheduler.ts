/**
 * Jobs the guest runs by itself on the simulated clock: `at` jobs, cron entries (/etc/cron.d,
 * /var/spool/cron/USER) and the wake-ups of periodic daemons (cfn-hup). They run only while the
 * instance runs, as the user who owns them, without a terminal.
 */
import type { Guest } from './machine';
import type { AtJob } from './commands/at/at';
import { GuestShell } from './session';

const MINUTE = 60_000;

async function runAs(guest: Guest, userName: string, script: string, cwd?: string): Promise<void> {
  const user = guest.user(userName);
  if (!user || guest.state !== 'running') return;
  const shell = new GuestShell(guest, user, { tty: '?' });
  try {
    if (cwd) await shell.exec(`cd ${JSON.stringify(cwd)} 2>/dev/null`);
    await shell.exec(script);
  } finally {
    shell.close();
  }
}

export function scheduleAtJob(guest: Guest, job: AtJob): void {
  const cancel = guest.host.clock.at(Math.max(job.runAt, guest.host.clock.now()), () => {
    const file = `/var/spool/at/${job.id}.json`;
    if (guest.state !== 'running' || !guest.rootFs.existsSync(file)) return;
    void guest.rootFs.rm(file).then(() => runAs(guest, job.user, job.commands, job.cwd));
  });
  guest.track(cancel);
}

/** Does a cron field (*, *\/5, 1-5, 1,2,3) match a value? */
export function cronFieldMatches(field: string, value: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    if (range === '*') return value % step === 0;
    const [a, b] = range!.split('-').map(Number);
    if (b === undefined) return value === a;
    return value >= a! && value <= b && (value - a!) % step === 0;
  });
}

function cronEntries(guest: Guest): { user: string; fields: string[]; command: string }[] {
  const out: { user: string; fields: string[]; command: string }[] = [];
  const fs = guest.rootFs;
  const parse = (text: string, user?: string): void => {
    for (const raw of text.split('\n')) {
      const l = raw.trim();
      if (!l || l.startsWith('#') || /^[A-Z_]+=/.test(l)) continue;
      const parts = l.split(/\s+/);
      if (parts.length < (user ? 6 : 7)) continue;
      const fields = parts.slice(0, 5);
      out.push(user ? { user, fields, command: parts.slice(5).join(' ') } : { user: parts[5]!, fields, command: parts.slice(6).join(' ') });
    }
  };
  try {
    for (const n of fs.listSync('/etc/cron.d')) parse(fs.readSyncText(`/etc/cron.d/${n}`));
  } catch {
    // no /etc/cron.d
  }
  try {
    for (const n of fs.listSync('/var/spool/cron')) if (!n.includes('.')) parse(fs.readSyncText(`/var/spool/cron/${n}`), n);
  } catch {
    // no user crontabs
  }
  return out;
}

/** Minutes between a periodic daemon's wake-ups: `key = N` in its configuration file, else its default. */
export function periodMinutes(guest: Guest, every: { file: string; key: string; minutes: number }): number {
  try {
    const m = new RegExp(`^\\s*${every.key}\\s*=\\s*(\\d+)\\s*$`, 'm').exec(guest.rootFs.readSyncText(every.file));
    const n = m ? Number(m[1]) : every.minutes;
    return n > 0 ? n : every.minutes;
  } catch {
    return every.minutes;
  }
}

/** Periodic daemons wake up right after they start (a first pass), then every period. */
function wakePeriodic(guest: Guest, at: number): void {
  for (const s of guest.services.values()) {
    const p = s.periodic;
    if (!p) continue;
    if (p.lastRun !== undefined && at - p.lastRun < periodMinutes(guest, p.every) * MINUTE) continue;
    p.lastRun = at;
    void runAs(guest, 'root', p.run);
  }
}

/** Starts the minute tick of the cron daemon (while crond runs) and of periodic daemons. */
export function startCron(guest: Guest): void {
  const tick = (at: number): void => {
    const cancel = guest.host.clock.at(at, () => {
      if (guest.state !== 'running') return;
      wakePeriodic(guest, at);
      const cron = [...guest.services.values()].some((s) => s.kind === 'crond');
      if (cron) {
        const d = new Date(at);
        const values = [d.getUTCMinutes(), d.getUTCHours(), d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCDay()];
        for (const e of cronEntries(guest)) if (e.fields.every((f, i) => cronFieldMatches(f, values[i]!))) void runAs(guest, e.user, e.command);
      }
      tick(at + MINUTE);
    });
    guest.track(cancel);
  };
  tick(Math.floor(guest.host.clock.now() / MINUTE) * MINUTE + MINUTE);
}
