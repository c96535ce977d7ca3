/** Unix cron (`minute hour day-of-month month day-of-week`, UTC) as scheduled actions' Recurrence uses it. */

function field(text: string, min: number, max: number): Set<number> | undefined {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    const step = m[2] ? Number(m[2]) : 1;
    let lo = min;
    let hi = max;
    if (m[1] !== '*') {
      const [a, b] = m[1]!.split('-').map(Number);
      lo = a!;
      hi = b ?? (m[2] ? max : a!);
    }
    if (lo < min || hi > max || lo > hi || step < 1) return undefined;
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

export interface Cron {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  anyDay: boolean;
  anyWeekday: boolean;
}

export function parseCron(text: string): Cron | undefined {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  const [mi, h, d, mo, w] = parts as [string, string, string, string, string];
  const minutes = field(mi, 0, 59);
  const hours = field(h, 0, 23);
  const days = field(d, 1, 31);
  const months = field(mo, 1, 12);
  const weekdays = field(w.replace(/\b7\b/g, '0'), 0, 6);
  if (!minutes || !hours || !days || !months || !weekdays) return undefined;
  return { minutes, hours, days, months, weekdays, anyDay: d === '*', anyWeekday: w === '*' };
}

/** The first minute strictly after `after` (ms) that the expression matches, within about a year. */
export function nextRun(c: Cron, after: number): number | undefined {
  let t = Math.floor(after / 60_000) * 60_000 + 60_000;
  const limit = t + 366 * 24 * 3600_000;
  while (t < limit) {
    const d = new Date(t);
    if (!c.months.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      continue;
    }
    const dayOk = c.anyDay && c.anyWeekday ? true : c.anyDay ? c.weekdays.has(d.getUTCDay()) : c.anyWeekday ? c.days.has(d.getUTCDate()) : c.days.has(d.getUTCDate()) || c.weekdays.has(d.getUTCDay());
    if (!dayOk) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!c.hours.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (c.minutes.has(d.getUTCMinutes())) return t;
    t += 60_000;
  }
  return undefined;
}
