/**
 * Schedule expressions: `rate(5 minutes)` (fires every period from the rule's creation) and
 * `cron(min hour day-of-month month day-of-week year)` in UTC, matched once per simulated minute.
 */
export type Schedule = { kind: 'rate'; ms: number } | { kind: 'cron'; fields: ((v: number) => boolean)[] };

const UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function field(text: string, min: number, max: number, names?: string[], base = 0): ((v: number) => boolean) | undefined {
  if (text === '*' || text === '?') return () => true;
  const num = (s: string): number | undefined => {
    const i = names?.indexOf(s.toUpperCase()) ?? -1;
    if (i >= 0) return i + base;
    if (!/^\d+$/.test(s)) return undefined;
    const n = Number(s);
    return n >= min && n <= max ? n : undefined;
  };
  const parts: ((v: number) => boolean)[] = [];
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    let lo: number | undefined, hi: number | undefined;
    if (range === '*') [lo, hi] = [min, max];
    else if (range!.includes('-')) {
      const [a, b] = range!.split('-');
      [lo, hi] = [num(a!), num(b!)];
    } else {
      lo = num(range!);
      hi = stepText === undefined ? lo : max;
    }
    if (lo === undefined || hi === undefined) return undefined;
    const [l, h] = [lo, hi];
    parts.push((v) => v >= l && v <= h && (v - l) % step === 0);
  }
  return (v) => parts.some((p) => p(v));
}

/** Parses a schedule expression; undefined when it is not valid. */
export function parseSchedule(expr: string): Schedule | undefined {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expr);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2]!;
    if (n < 1 || (n === 1) !== !unit.endsWith('s')) return undefined;
    return { kind: 'rate', ms: n * UNITS[unit.replace(/s$/, '')]! };
  }
  const cron = /^cron\((.+)\)$/.exec(expr);
  if (!cron) return undefined;
  const f = cron[1]!.trim().split(/\s+/);
  if (f.length !== 6) return undefined;
  // Day-of-month and day-of-week cannot both be given: one of them must be '?'.
  if ((f[2] === '?') === (f[4] === '?')) return undefined;
  const fields = [
    field(f[0]!, 0, 59),
    field(f[1]!, 0, 23),
    field(f[2]!, 1, 31),
    field(f[3]!, 1, 12, MONTHS, 1),
    field(f[4]!, 1, 7, DAYS, 1),
    field(f[5]!, 1970, 2199),
  ];
  if (fields.some((x) => !x)) return undefined;
  return { kind: 'cron', fields: fields as ((v: number) => boolean)[] };
}

/** Does a cron schedule fire in the minute starting at `t`? */
export function cronMatches(s: Extract<Schedule, { kind: 'cron' }>, t: number): boolean {
  const d = new Date(t);
  const v = [d.getUTCMinutes(), d.getUTCHours(), d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCDay() + 1, d.getUTCFullYear()];
  return s.fields.every((f, i) => f(v[i]!));
}

/** A rate() rule fires one period after it is defined, at the start of that minute (the clock ticks per minute). */
export const firstFire = (now: number, ms: number): number => Math.floor((now + ms) / 60_000) * 60_000;
