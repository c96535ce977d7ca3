import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import type { PutBucketLifecycleConfigurationInput } from '../../models/generated/s3';
import { invalidArgument, malformedXML } from './errors';
import { STORAGE_CLASSES } from './object-attrs';
import { requireBucket } from './state/buckets';
import { putLifecycle, type LifecycleRule } from './state/lifecycles';

const MAX_RULES = 1000;
/** Classes a transition may target, and the fewest days S3 accepts for each. */
const MIN_TRANSITION_DAYS: Record<string, number> = { STANDARD_IA: 30, ONEZONE_IA: 30, INTELLIGENT_TIERING: 0, GLACIER_IR: 0, GLACIER: 0, DEEP_ARCHIVE: 0 };

const isDays = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function checkTransition(storageClass: string | undefined, days: number | undefined, date: unknown, noncurrent: boolean): void {
  if (!storageClass || !STORAGE_CLASSES.has(storageClass) || !(storageClass in MIN_TRANSITION_DAYS)) throw malformedXML();
  const field = noncurrent ? 'NoncurrentDays' : 'Days';
  if (days === undefined && (noncurrent || date === undefined)) throw malformedXML();
  if (days !== undefined) {
    if (!isDays(days)) throw invalidArgument(`'${field}' in Transition action must be nonnegative`, field, String(days));
    const min = MIN_TRANSITION_DAYS[storageClass]!;
    if (days < min) {
      throw invalidArgument(`'${field}' in ${noncurrent ? 'NoncurrentVersionTransition' : 'Transition'} action must be greater than or equal to ${min} for storageClass '${storageClass}'`, field, String(days));
    }
  }
}

function checkRule(r: LifecycleRule): LifecycleRule {
  if (r.Status !== 'Enabled' && r.Status !== 'Disabled') throw malformedXML();
  if (r.Prefix !== undefined && r.Filter !== undefined) throw malformedXML();
  if (r.ID !== undefined && r.ID.length > 255) throw invalidArgument('ID length should not exceed allowed limit of 255', 'ID', r.ID);
  const hasAction = r.Expiration || r.Transitions?.length || r.NoncurrentVersionExpiration || r.NoncurrentVersionTransitions?.length || r.AbortIncompleteMultipartUpload;
  if (!hasAction) throw invalidArgument('At least one action needs to be specified in a rule', 'Action', undefined);
  const e = r.Expiration;
  if (e) {
    const set = [e.Days !== undefined, e.Date !== undefined, e.ExpiredObjectDeleteMarker !== undefined].filter(Boolean).length;
    if (set !== 1) throw malformedXML();
    if (e.Days !== undefined && (!isDays(e.Days) || e.Days === 0)) throw invalidArgument("'Days' for Expiration action must be a positive integer", 'Days', String(e.Days));
  }
  for (const t of r.Transitions ?? []) checkTransition(t.StorageClass, t.Days, t.Date, false);
  for (const t of r.NoncurrentVersionTransitions ?? []) checkTransition(t.StorageClass, t.NoncurrentDays, undefined, true);
  const nve = r.NoncurrentVersionExpiration;
  if (nve && (!isDays(nve.NoncurrentDays) || nve.NoncurrentDays === 0)) {
    throw invalidArgument("'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer", 'NoncurrentDays', String(nve.NoncurrentDays));
  }
  const abort = r.AbortIncompleteMultipartUpload;
  if (abort && (!isDays(abort.DaysAfterInitiation) || abort.DaysAfterInitiation === 0)) {
    throw invalidArgument("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer", 'DaysAfterInitiation', String(abort.DaysAfterInitiation));
  }
  // S3 names a rule without an ID itself.
  return { ...r, ID: r.ID || randomBytes(36).toString('base64').slice(0, 48) };
}

/** Replaces the bucket's whole rule set (§8.4's "Add lifecycle rule" sends every rule again). */
export const PutBucketLifecycleConfiguration = (ctx: Ctx, input: PutBucketLifecycleConfigurationInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const rules = input.LifecycleConfiguration?.Rules;
  if (!Array.isArray(rules) || rules.length === 0 || rules.length > MAX_RULES) throw malformedXML();
  const checked = rules.map(checkRule);
  const ids = new Set<string>();
  for (const r of checked) {
    if (ids.has(r.ID!)) throw invalidArgument('Rule ID must be unique. Found same ID for more than one rule', 'ID', r.ID);
    ids.add(r.ID!);
  }
  putLifecycle(ctx.store, bucket.id, checked);
  return {};
};
