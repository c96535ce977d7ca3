/**
 * Lifecycle rules applied on the simulated clock (§8.4). S3 counts an action's days from the
 * object's creation (or the moment a version became noncurrent), rounds up to the next midnight UTC,
 * and acts some time after; the lab acts at each simulated midnight, and once at start for whatever
 * fell due while it was closed. Transitions change the storage class in place; expirations delete
 * (or, in a versioned bucket, add a delete marker) exactly as DeleteObject does.
 */
import type { ServiceStart } from '../../core/provider';
import type { Store } from '../../store/store';
import { bucketsWithLifecycle, getLifecycle, type LifecycleRule } from './state/lifecycles';
import { DAY, nextMidnight } from './state/restores';
import { deleteUpload } from './state/uploads';
import { deleteCurrent, dropVersionRow, newestVersion, noncurrentVersions } from './state/versions';
import type { ObjectRow } from './state/objects';

/** Colder classes rank higher; a transition never moves an object to a warmer class. */
const RANK: Record<string, number> = {
  STANDARD: 0,
  REDUCED_REDUNDANCY: 0,
  STANDARD_IA: 1,
  INTELLIGENT_TIERING: 1,
  ONEZONE_IA: 2,
  GLACIER_IR: 3,
  GLACIER: 4,
  DEEP_ARCHIVE: 5,
};

interface Candidate {
  key: string;
  size: number;
}

function matches(rule: LifecycleRule, o: Candidate): boolean {
  if (rule.Status !== 'Enabled') return false;
  const f = rule.Filter;
  const and = f?.And;
  const prefix = rule.Prefix ?? f?.Prefix ?? and?.Prefix ?? '';
  if (!o.key.startsWith(prefix)) return false;
  // The lab keeps no object tags yet, so a rule that names tags matches nothing.
  if (f?.Tag || (and?.Tags && and.Tags.length > 0)) return false;
  const gt = f?.ObjectSizeGreaterThan ?? and?.ObjectSizeGreaterThan;
  const lt = f?.ObjectSizeLessThan ?? and?.ObjectSizeLessThan;
  if (gt !== undefined && !(o.size > gt)) return false;
  if (lt !== undefined && !(o.size < lt)) return false;
  return true;
}

const dueAfter = (from: number, days: number | undefined, date: unknown): number | undefined =>
  days !== undefined ? nextMidnight(from + days * DAY) : date !== undefined ? new Date(date as string).getTime() : undefined;

/** The class the current object should have now, or undefined for no change. */
function transitionTarget(rules: LifecycleRule[], o: ObjectRow, now: number): string | undefined {
  let target: string | undefined;
  for (const r of rules) {
    if (!matches(r, o)) continue;
    for (const t of r.Transitions ?? []) {
      const due = dueAfter(o.last_modified, t.Days, t.Date);
      const sc = t.StorageClass!;
      if (due !== undefined && due <= now && (RANK[sc] ?? 0) > (RANK[target ?? o.storage_class] ?? 0)) target = sc;
    }
  }
  return target;
}

const isExpired = (rules: LifecycleRule[], o: ObjectRow, now: number): boolean =>
  rules.some((r) => {
    if (!r.Expiration || !matches(r, o)) return false;
    const due = dueAfter(o.last_modified, r.Expiration.Days, r.Expiration.Date);
    return due !== undefined && due <= now;
  });

function sweepCurrent(store: Store, bucketId: number, rules: LifecycleRule[], now: number): void {
  const rows = store.stmt('SELECT * FROM s3_objects WHERE bucket_id = ? ORDER BY key').all(bucketId) as ObjectRow[];
  for (const o of rows) {
    if (isExpired(rules, o, now)) {
      deleteCurrent(store, bucketId, o.key, Math.floor(now / 1000) * 1000);
      continue;
    }
    const target = transitionTarget(rules, o, now);
    // A transition ends any restored copy: the new class starts without one.
    if (target) store.stmt('UPDATE s3_objects SET storage_class = ?, restore = NULL WHERE id = ?').run(target, o.id);
  }
}

function sweepNoncurrent(store: Store, bucketId: number, rules: LifecycleRule[], now: number): void {
  let key: string | undefined;
  let newer = 0;
  for (const v of noncurrentVersions(store, bucketId)) {
    if (v.key !== key) {
      key = v.key;
      newer = 0;
    }
    if (v.delete_marker) {
      // ExpiredObjectDeleteMarker: a marker with nothing left behind it goes.
      const alone = newestVersion(store, bucketId, v.key)?.id === v.id && !store.stmt('SELECT 1 FROM s3_objects WHERE bucket_id = ? AND key = ?').get(bucketId, v.key);
      const onlyOne = (store.stmt('SELECT count(*) FROM s3_versions WHERE bucket_id = ? AND key = ?').pluck().get(bucketId, v.key) as number) === 1;
      if (alone && onlyOne && rules.some((r) => r.Expiration?.ExpiredObjectDeleteMarker === true && matches(r, v))) dropVersionRow(store, v.id);
      continue;
    }
    newer++;
    let gone = false;
    let target: string | undefined;
    for (const r of rules) {
      if (!matches(r, v)) continue;
      const nve = r.NoncurrentVersionExpiration;
      if (nve && nextMidnight(v.noncurrent_at + nve.NoncurrentDays! * DAY) <= now && newer > (nve.NewerNoncurrentVersions ?? 0)) gone = true;
      for (const t of r.NoncurrentVersionTransitions ?? []) {
        const sc = t.StorageClass!;
        if (nextMidnight(v.noncurrent_at + t.NoncurrentDays! * DAY) <= now && (RANK[sc] ?? 0) > (RANK[target ?? v.storage_class] ?? 0)) target = sc;
      }
    }
    if (gone) dropVersionRow(store, v.id);
    else if (target) store.stmt('UPDATE s3_versions SET storage_class = ?, restore = NULL WHERE id = ?').run(target, v.id);
  }
}

function sweepUploads(store: Store, bucketId: number, rules: LifecycleRule[], now: number): void {
  const uploads = store.stmt('SELECT id, key, initiated FROM s3_uploads WHERE bucket_id = ?').all(bucketId) as { id: number; key: string; initiated: number }[];
  for (const u of uploads) {
    const abort = rules.some((r) => {
      const days = r.AbortIncompleteMultipartUpload?.DaysAfterInitiation;
      return days !== undefined && matches(r, { key: u.key, size: 0 }) && nextMidnight(u.initiated + days * DAY) <= now;
    });
    if (abort) deleteUpload(store, u.id);
  }
}

/** One pass over every bucket with rules; each bucket in its own transaction. */
export function applyLifecycle(store: Store, now: number): void {
  if (!store.db.open) return;
  for (const bucketId of bucketsWithLifecycle(store)) {
    store.tx(() => {
      const rules = getLifecycle(store, bucketId);
      if (!rules) return;
      sweepCurrent(store, bucketId, rules, now);
      sweepNoncurrent(store, bucketId, rules, now);
      sweepUploads(store, bucketId, rules, now);
    });
  }
}

/** One midnight chain per clock: start hooks run again after a chapter reset. */
const running = new WeakSet<object>();

export function startLifecycle(engine: Pick<ServiceStart, 'store' | 'clock'>): void {
  const run = (): void => {
    try {
      applyLifecycle(engine.store, engine.clock.now());
    } catch (e) {
      console.error('[nimbus] s3 lifecycle sweep failed', e);
    }
  };
  run();
  if (running.has(engine.clock)) return;
  running.add(engine.clock);
  const tick = (): void => {
    run();
    engine.clock.at(nextMidnight(engine.clock.now()), tick);
  };
  engine.clock.at(nextMidnight(engine.clock.now()), tick);
}
