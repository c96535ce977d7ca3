/**
 * The metric store: metrics keyed by account, region, namespace, name and dimension set; datapoints
 * as statistic sets (plus raw values, for percentiles). Every writer, the PutMetricData handler and
 * the engine's own services alike, ends in `recordDatum`.
 */
import type { Store } from '../../../store/store';

export interface Dimension {
  Name: string;
  Value: string;
}

/** Where a datum goes: a handler's Ctx fits, and so does any engine object with these members. */
export interface MetricScope {
  store: Store;
  accountId: string;
  region: string;
  clock: { now(): number };
}

/** One datum in PutMetricData's shape, with the timestamp as a Date or epoch ms. */
export interface Datum {
  MetricName: string;
  Dimensions?: Dimension[];
  Timestamp?: Date | number;
  Value?: number;
  StatisticValues?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
  Values?: number[];
  Counts?: number[];
  Unit?: string;
  StorageResolution?: number;
}

export interface MetricRow {
  id: number;
  namespace: string;
  metric_name: string;
  dims: string;
  last_at: number;
}

const SEP = '\u0001';

export function sortDimensions(dims: readonly Dimension[] | undefined): Dimension[] {
  return [...(dims ?? [])]
    .map((d) => ({ Name: d.Name, Value: d.Value }))
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

export const dimsKey = (dims: readonly Dimension[]): string => dims.map((d) => `${d.Name}=${d.Value}`).join(SEP);

/** The metric's id, created on first use. */
function metricId(scope: MetricScope, namespace: string, name: string, dims: Dimension[], at: number): number {
  const key = dimsKey(dims);
  const row = scope.store
    .stmt(
      'SELECT id, last_at FROM cw_metrics WHERE account_id = ? AND region = ? AND namespace = ? AND metric_name = ? AND dims_key = ?',
    )
    .get(scope.accountId, scope.region, namespace, name, key) as { id: number; last_at: number } | undefined;
  if (row) {
    if (at > row.last_at) scope.store.stmt('UPDATE cw_metrics SET last_at = ? WHERE id = ?').run(at, row.id);
    return row.id;
  }
  return Number(
    scope.store
      .stmt(
        'INSERT INTO cw_metrics (account_id, region, namespace, metric_name, dims_key, dims, last_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(scope.accountId, scope.region, namespace, name, key, JSON.stringify(dims), at).lastInsertRowid,
  );
}

/** The statistic set of a datum (already validated): count, sum, min, max and its raw values. */
function statsOf(d: Datum): { n: number; sum: number; min: number; max: number; vals: [number, number][] | null } {
  if (d.StatisticValues) {
    const s = d.StatisticValues;
    return { n: s.SampleCount, sum: s.Sum, min: s.Minimum, max: s.Maximum, vals: null };
  }
  if (d.Values && d.Values.length > 0) {
    const vals: [number, number][] = d.Values.map((v, i) => [v, d.Counts?.[i] ?? 1]);
    let n = 0,
      sum = 0,
      min = Infinity,
      max = -Infinity;
    for (const [v, c] of vals) {
      n += c;
      sum += v * c;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { n, sum, min, max, vals };
  }
  const v = d.Value ?? 0;
  return { n: 1, sum: v, min: v, max: v, vals: [[v, 1]] };
}

/** Stores one datum (no validation: the PutMetricData handler validates what learners send). */
export function recordDatum(scope: MetricScope, namespace: string, datum: Datum): void {
  const ts =
    datum.Timestamp === undefined
      ? scope.clock.now()
      : typeof datum.Timestamp === 'number'
        ? datum.Timestamp
        : datum.Timestamp.getTime();
  const dims = sortDimensions(datum.Dimensions);
  const id = metricId(scope, namespace, datum.MetricName, dims, ts);
  const s = statsOf(datum);
  const unit = datum.Unit ?? 'None';
  scope.store
    .stmt('INSERT INTO cw_points (metric_id, ts, n, sum, min, max, unit, vals, res) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(
      id,
      ts,
      s.n,
      s.sum,
      s.min,
      s.max,
      unit,
      s.vals ? JSON.stringify(s.vals) : null,
      datum.StorageResolution === 1 ? 1 : 60,
    );
  const upsert = scope.store.stmt(
    `INSERT INTO cw_rollups (metric_id, res, ts, unit, n, sum, min, max) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (metric_id, res, ts, unit) DO UPDATE SET n = n + excluded.n, sum = sum + excluded.sum,
       min = MIN(min, excluded.min), max = MAX(max, excluded.max)`,
  );
  for (const res of ROLLUP_MS) upsert.run(id, res, Math.floor(ts / res) * res, unit, s.n, s.sum, s.min, s.max);
}

/**
 * Statistic sets per 5 minutes and per hour, kept up to date on every write, so a long range at a
 * coarse period reads a few hundred rows instead of every minute's point (2 weeks × 100 instances).
 */
export const ROLLUP_MS = [300_000, 3_600_000] as const;

export function findMetric(
  scope: Omit<MetricScope, 'clock'>,
  namespace: string,
  name: string,
  dims: readonly Dimension[] | undefined,
): MetricRow | undefined {
  return scope.store
    .stmt(
      'SELECT id, namespace, metric_name, dims, last_at FROM cw_metrics WHERE account_id = ? AND region = ? AND namespace = ? AND metric_name = ? AND dims_key = ?',
    )
    .get(scope.accountId, scope.region, namespace, name, dimsKey(sortDimensions(dims))) as MetricRow | undefined;
}

/** One period's aggregate. */
export interface Bucket {
  ts: number;
  n: number;
  sum: number;
  min: number;
  max: number;
  unit: string;
  vals: [number, number][] | null;
}

/**
 * Datapoints of a metric in [from, to), aggregated per `periodMs` (buckets aligned on `from`, as
 * GetMetricStatistics does). `unit` filters when given. Buckets without data are absent.
 */
export function aggregate(
  store: Store,
  metricId: number,
  from: number,
  to: number,
  periodMs: number,
  unit?: string,
  withValues = false,
): Bucket[] {
  if (!withValues) {
    // The coarsest roll-up whose rows each fall inside one bucket answers the whole periods; the
    // raw points answer only the tail after the last whole roll-up row.
    const res = [...ROLLUP_MS].reverse().find((r) => periodMs % r === 0 && from % r === 0);
    if (res !== undefined) {
      const mid = Math.max(from, Math.floor(to / res) * res);
      const rolled = rollupBuckets(store, res, metricId, from, mid, periodMs, unit);
      if (mid >= to) return rolled;
      return mergeBuckets(rolled, sqlBuckets(store, metricId, mid, to, from, periodMs, unit));
    }
    return sqlBuckets(store, metricId, from, to, from, periodMs, unit);
  }
  const rows = store
    .stmt(
      'SELECT ts, n, sum, min, max, unit, vals FROM cw_points WHERE metric_id = ? AND ts >= ? AND ts < ? ORDER BY ts',
    )
    .all(metricId, from, to) as {
    ts: number;
    n: number;
    sum: number;
    min: number;
    max: number;
    unit: string;
    vals: string | null;
  }[];
  const out = new Map<number, Bucket>();
  for (const r of rows) {
    if (unit && r.unit !== unit) continue;
    const ts = from + Math.floor((r.ts - from) / periodMs) * periodMs;
    let b = out.get(ts);
    if (!b) {
      b = { ts, n: 0, sum: 0, min: Infinity, max: -Infinity, unit: r.unit, vals: withValues ? [] : null };
      out.set(ts, b);
    }
    b.n += r.n;
    b.sum += r.sum;
    if (r.min < b.min) b.min = r.min;
    if (r.max > b.max) b.max = r.max;
    if (b.vals) {
      if (r.vals) for (const v of JSON.parse(r.vals) as [number, number][]) b.vals.push(v);
      else b.vals.push([r.sum / Math.max(r.n, 1), r.n]); // a statistic set: its mean stands for its samples
    }
  }
  return [...out.values()];
}

/**
 * Buckets from roll-up rows in [from, to): the rows arrive in time order (the primary key's), so one
 * pass sums them; cheaper than SQLite's GROUP BY for the few hundred rows a chart needs.
 */
function rollupBuckets(
  store: Store,
  res: number,
  metricId: number,
  from: number,
  to: number,
  periodMs: number,
  unit?: string,
): Bucket[] {
  if (to <= from) return [];
  const rows = store
    .stmt(
      'SELECT ts, n, sum, min, max, unit FROM cw_rollups WHERE metric_id = ? AND res = ? AND ts >= ? AND ts < ? AND (? IS NULL OR unit = ?) ORDER BY ts',
    )
    .raw(true)
    .all(metricId, res, from, to, unit ?? null, unit ?? null) as [number, number, number, number, number, string][];
  const out: Bucket[] = [];
  let b: Bucket | undefined;
  for (const [ts, n, sum, min, max, u] of rows) {
    const start = from + Math.floor((ts - from) / periodMs) * periodMs;
    if (!b || b.ts !== start) {
      b = { ts: start, n: 0, sum: 0, min: Infinity, max: -Infinity, unit: u, vals: null };
      out.push(b);
    }
    b.n += n;
    b.sum += sum;
    if (min < b.min) b.min = min;
    if (max > b.max) b.max = max;
    if (u < b.unit) b.unit = u;
  }
  return out;
}

/**
 * Buckets of raw points in [lo, hi), aligned on `origin`. Without percentiles SQLite sums the
 * buckets itself, several times faster than JS. Bound JS numbers arrive as REAL: the bucket index
 * is cast so the division is an integer one.
 */
function sqlBuckets(
  store: Store,
  metricId: number,
  lo: number,
  hi: number,
  origin: number,
  periodMs: number,
  unit?: string,
): Bucket[] {
  if (hi <= lo) return [];
  const rows = store
    .stmt(
      `SELECT ? + b * ? AS ts, n, sum, min, max, unit FROM (
         SELECT CAST((ts - ?) / ? AS INTEGER) AS b, SUM(n) AS n, SUM(sum) AS sum, MIN(min) AS min, MAX(max) AS max, MIN(unit) AS unit
         FROM cw_points WHERE metric_id = ? AND ts >= ? AND ts < ? AND (? IS NULL OR unit = ?) GROUP BY 1
       ) ORDER BY b`,
    )
    .all(origin, periodMs, origin, periodMs, metricId, lo, hi, unit ?? null, unit ?? null) as Omit<Bucket, 'vals'>[];
  return rows.map((r) => ({ ...r, vals: null }));
}

/** Two bucket lists over adjoining ranges: a bucket both have is combined. */
function mergeBuckets(a: Bucket[], b: Bucket[]): Bucket[] {
  const last = a.at(-1);
  const first = b[0];
  if (last && first && last.ts === first.ts) {
    a[a.length - 1] = {
      ...last,
      n: last.n + first.n,
      sum: last.sum + first.sum,
      min: Math.min(last.min, first.min),
      max: Math.max(last.max, first.max),
    };
    return [...a, ...b.slice(1)];
  }
  return [...a, ...b];
}

/** `p99`, `p99.9`, `tm90` ... only pNN is computed; others answer undefined. */
export function percentile(b: Bucket, stat: string): number | undefined {
  const m = /^p(\d{1,2}(?:\.\d+)?|100)$/.exec(stat);
  if (!m || !b.vals || b.vals.length === 0) return undefined;
  const p = Number(m[1]);
  const sorted = [...b.vals].sort((x, y) => x[0] - y[0]);
  const total = sorted.reduce((a, [, c]) => a + c, 0);
  const rank = (p / 100) * total;
  let seen = 0;
  for (const [v, c] of sorted) {
    seen += c;
    if (seen >= rank) return v;
  }
  return sorted[sorted.length - 1]![0];
}

/** A standard statistic (or a percentile) of a bucket. */
export function statistic(b: Bucket, stat: string): number | undefined {
  switch (stat) {
    case 'Average':
      return b.n > 0 ? b.sum / b.n : 0;
    case 'Sum':
      return b.sum;
    case 'Minimum':
      return b.min;
    case 'Maximum':
      return b.max;
    case 'SampleCount':
      return b.n;
    default:
      return percentile(b, stat);
  }
}

/**
 * Retention as AWS keeps it: points older than 15 days are rolled up to 5 minutes, older than 63
 * days to 1 hour, older than 455 days are dropped.
 */
export function applyRetention(store: Store, now: number): void {
  const DAY = 86_400_000;
  store.stmt('DELETE FROM cw_points WHERE ts < ?').run(now - 455 * DAY);
  store.stmt('DELETE FROM cw_rollups WHERE ts < ?').run(now - 455 * DAY);
  rollUp(store, now - 63 * DAY, 3_600_000);
  rollUp(store, now - 15 * DAY, 300_000);
}

function rollUp(store: Store, before: number, periodMs: number): void {
  const res = periodMs / 1000;
  const fine = store.stmt('SELECT 1 FROM cw_points WHERE ts < ? AND res < ? LIMIT 1').get(before, res);
  if (!fine) return;
  store
    .stmt(
      `INSERT INTO cw_points (metric_id, ts, n, sum, min, max, unit, vals, res)
     SELECT metric_id, (ts / ${periodMs}) * ${periodMs}, SUM(n), SUM(sum), MIN(min), MAX(max), unit, NULL, ${res}
     FROM cw_points WHERE ts < ? AND res < ${res} GROUP BY metric_id, ts / ${periodMs}, unit`,
    )
    .run(before);
  store.stmt(`DELETE FROM cw_points WHERE ts < ? AND res < ${res}`).run(before);
}
