/**
 * Bucket policies: one document per bucket, checked as S3 does on PutBucketPolicy, and read by the
 * authorizer (through s3's index) as the bucket's resource-based policy.
 */
import type { Store } from '../../../store/store';
import { compilePolicy } from '../../../iam/compile';
import type { ResourcePolicy } from '../../../iam/hooks';
import { parsePolicy, PolicyError } from '../../../iam/policy';
import { AwsError } from '../../../protocol/errors';
import { findBucket } from './buckets';

export const getBucketPolicy = (store: Store, bucketId: number): string | undefined =>
  (store.stmt('SELECT policy FROM s3_bucket_policies WHERE bucket_id = ?').get(bucketId) as { policy: string } | undefined)?.policy;

export const putBucketPolicy = (store: Store, bucketId: number, policy: string): void => {
  store.stmt('INSERT OR REPLACE INTO s3_bucket_policies (bucket_id, policy) VALUES (?, ?)').run(bucketId, policy);
};

export const deleteBucketPolicy = (store: Store, bucketId: number): void => {
  store.stmt('DELETE FROM s3_bucket_policies WHERE bucket_id = ?').run(bucketId);
};

const malformed = (message: string) => new AwsError('MalformedPolicy', message, 400);

/** S3's wording for what the IAM grammar refuses, and its own rule: resources must be in this bucket. */
export function checkBucketPolicy(bucket: string, text: string, knownActions: (prefix: string) => ReadonlySet<string> | undefined): void {
  if (!text.trimStart().startsWith('{')) throw malformed("Policies must be valid JSON and the first byte must be '{'");
  let parsed;
  try {
    parsed = parsePolicy(text, 'resource', { knownActions });
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    const m = e.message;
    if (m.startsWith('Invalid principal')) throw malformed('Invalid principal in policy');
    if (m.includes('invalid action') || m.startsWith('Actions/') || m.startsWith('Vendor')) throw malformed('Policy has invalid action');
    if (m.startsWith('Resource') || m.startsWith('Partition') || m.includes('legacy parsing') || m.includes('must contain resources')) throw malformed('Policy has invalid resource');
    if (m === 'Missing required field Principal') throw malformed('Missing required field Principal');
    if (m.includes('must contain actions')) throw malformed('Missing required field Action');
    throw malformed('This policy contains invalid Json');
  }
  for (const s of parsed.statements) {
    for (const action of s.action ?? s.notAction ?? []) {
      const prefix = action === '*' ? 's3' : action.split(':')[0]!.toLowerCase();
      if (prefix !== 's3') throw malformed('Policy has invalid action');
    }
    for (const r of s.resource ?? s.notResource ?? []) {
      if (r !== `arn:aws:s3:::${bucket}` && !r.startsWith(`arn:aws:s3:::${bucket}/`) && r !== '*') throw malformed('Policy has invalid resource');
    }
  }
}

/** The authorizer's hook: the policy of the bucket an ARN names (`arn:aws:s3:::bucket[/key]`). */
export function bucketPolicyFor(store: Store, resourceArn: string): ResourcePolicy | undefined {
  const m = /^arn:(aws[a-z-]*):s3:::([^/]+)/.exec(resourceArn);
  if (!m) return undefined;
  const bucket = findBucket(store, m[1]!, m[2]!);
  if (!bucket) return undefined;
  const text = getBucketPolicy(store, bucket.id);
  return text === undefined ? undefined : { policy: compilePolicy(text, 'resource', `arn:${m[1]}:s3:::${bucket.name}`), accountId: bucket.account_id };
}
