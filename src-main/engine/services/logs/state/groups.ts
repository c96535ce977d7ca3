/** Log groups, streams and events as rows, and the one writer every producer ends in (`appendEvents`). */
import type { Store } from '../../../store/store';
import { putMetricData } from '../../monitoring';
import { compileFilter, metricValueOf } from '../filter-pattern';

export interface Scope {
  store: Store;
  accountId: string;
  region: string;
  clock: { now(): number };
}

export interface GroupRow {
  account_id: string;
  region: string;
  name: string;
  created_at: number;
  retention_days: number | null;
  kms_key_id: string | null;
}

export interface StreamRow {
  account_id: string;
  region: string;
  grp: string;
  name: string;
  created_at: number;
  first_ts: number | null;
  last_ts: number | null;
  last_ingest: number | null;
  seq: number;
  stored_bytes: number;
}

export const groupArn = (s: { region: string; accountId: string }, name: string) => `arn:aws:logs:${s.region}:${s.accountId}:log-group:${name}`;

export function findGroup(s: Omit<Scope, 'clock'>, name: string): GroupRow | undefined {
  return s.store.stmt('SELECT * FROM logs_groups WHERE account_id = ? AND region = ? AND name = ?').get(s.accountId, s.region, name) as GroupRow | undefined;
}

export function findStream(s: Omit<Scope, 'clock'>, group: string, name: string): StreamRow | undefined {
  return s.store.stmt('SELECT * FROM logs_streams WHERE account_id = ? AND region = ? AND grp = ? AND name = ?').get(s.accountId, s.region, group, name) as StreamRow | undefined;
}

export function createGroup(s: Scope, name: string, opts: { kmsKeyId?: string; tags?: Record<string, string> } = {}): void {
  s.store
    .stmt('INSERT INTO logs_groups (account_id, region, name, created_at, kms_key_id, tags) VALUES (?, ?, ?, ?, ?, ?)')
    .run(s.accountId, s.region, name, s.clock.now(), opts.kmsKeyId ?? null, JSON.stringify(opts.tags ?? {}));
}

export function createStream(s: Scope, group: string, name: string): void {
  s.store.stmt('INSERT INTO logs_streams (account_id, region, grp, name, created_at) VALUES (?, ?, ?, ?, ?)').run(s.accountId, s.region, group, name, s.clock.now());
}

/** Sequence tokens as the API shows them (accepted, never required: PutLogEvents ignores them now). */
export const sequenceToken = (seq: number) => String(49_600_000_000_000 + seq).padStart(56, '0');

/**
 * Appends events (sorted by timestamp) to a stream, and runs the group's metric filters over them.
 * With `create`, a missing group or stream is created first (Lambda's and agents' way of writing).
 */
export function appendEvents(s: Scope, group: string, stream: string, events: readonly { timestamp: number; message: string }[], create = false): StreamRow | undefined {
  if (!findGroup(s, group)) {
    if (!create) return undefined;
    createGroup(s, group);
  }
  let st = findStream(s, group, stream);
  if (!st) {
    if (!create) return undefined;
    createStream(s, group, stream);
    st = findStream(s, group, stream)!;
  }
  const now = s.clock.now();
  const insert = s.store.stmt('INSERT INTO logs_events (account_id, region, grp, stream, ts, ingest, message) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let bytes = 0;
  for (const e of events) {
    insert.run(s.accountId, s.region, group, stream, e.timestamp, now, e.message);
    bytes += Buffer.byteLength(e.message) + 26;
  }
  if (events.length) {
    const first = Math.min(...events.map((e) => e.timestamp));
    const last = Math.max(...events.map((e) => e.timestamp));
    s.store
      .stmt(
        `UPDATE logs_streams SET first_ts = MIN(COALESCE(first_ts, ?), ?), last_ts = MAX(COALESCE(last_ts, ?), ?), last_ingest = ?, seq = seq + 1,
           stored_bytes = stored_bytes + ? WHERE account_id = ? AND region = ? AND grp = ? AND name = ?`,
      )
      .run(first, first, last, last, now, bytes, s.accountId, s.region, group, stream);
    runMetricFilters(s, group, events);
  }
  return findStream(s, group, stream);
}

interface FilterRow {
  pattern: string;
  transformations: string;
}

function runMetricFilters(s: Scope, group: string, events: readonly { timestamp: number; message: string }[]): void {
  const filters = s.store.stmt('SELECT pattern, transformations FROM logs_metric_filters WHERE account_id = ? AND region = ? AND grp = ?').all(s.accountId, s.region, group) as FilterRow[];
  for (const f of filters) {
    let test: (m: string) => boolean;
    try {
      test = compileFilter(f.pattern);
    } catch {
      continue;
    }
    const ts = JSON.parse(f.transformations) as { metricName: string; metricNamespace: string; metricValue: string; defaultValue?: number; unit?: string; dimensions?: Record<string, string> }[];
    for (const e of events) {
      const hit = test(e.message);
      for (const t of ts) {
        const v = hit ? metricValueOf(t.metricValue, e.message, f.pattern) : t.defaultValue;
        if (v === undefined) continue;
        const dims = Object.entries(t.dimensions ?? {}).map(([Name, spec]) => ({ Name, Value: spec.startsWith('$') ? String(metricValueOf(spec, e.message, f.pattern) ?? '') : spec }));
        putMetricData(s, t.metricNamespace, [{ MetricName: t.metricName, Dimensions: dims, Value: v, Unit: t.unit ?? 'None', Timestamp: e.timestamp }]);
      }
    }
  }
}

export const groupView = (s: { region: string; accountId: string }, g: GroupRow, storedBytes: number, filters: number) => ({
  logGroupName: g.name,
  creationTime: g.created_at,
  retentionInDays: g.retention_days ?? undefined,
  metricFilterCount: filters,
  arn: `${groupArn(s, g.name)}:*`,
  logGroupArn: groupArn(s, g.name),
  storedBytes,
  kmsKeyId: g.kms_key_id ?? undefined,
  logGroupClass: 'STANDARD',
});
