/** Buckets: global per partition, owned by one account, living in one region. */
import type { Ctx } from '../../../core/provider';
import type { Store } from '../../../store/store';
import { accessDenied, noSuchBucket } from '../errors';

export interface BucketRow {
  id: number;
  partition: string;
  name: string;
  account_id: string;
  region: string;
  created_at: number;
  versioning?: string | null;
  acl?: string | null;
  public_access_block?: string | null;
  ownership?: string | null;
}

export const partitionOf = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';

export const findBucket = (store: Store, partition: string, name: string): BucketRow | undefined =>
  store.stmt('SELECT * FROM s3_buckets WHERE partition = ? AND name = ?').get(partition, name) as BucketRow | undefined;

/** The bucket the caller names, or S3's answer: NoSuchBucket, or AccessDenied for someone else's. */
export function requireBucket(ctx: Ctx, name: string): BucketRow {
  const bucket = findBucket(ctx.store, partitionOf(ctx.region), name);
  if (!bucket) throw noSuchBucket(name);
  if (bucket.account_id !== ctx.accountId) throw accessDenied();
  return bucket;
}

export function insertBucket(store: Store, b: Omit<BucketRow, 'id'>): void {
  store
    .stmt('INSERT INTO s3_buckets (partition, name, account_id, region, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(b.partition, b.name, b.account_id, b.region, b.created_at);
}

export const deleteBucketRow = (store: Store, id: number): void => {
  store.stmt('DELETE FROM s3_buckets WHERE id = ?').run(id);
};

/** The account's buckets in name order, after `after` (exclusive), up to `limit`. */
export const listAccountBuckets = (store: Store, accountId: string, partition: string, after: string, limit: number): BucketRow[] =>
  store
    .stmt('SELECT * FROM s3_buckets WHERE account_id = ? AND partition = ? AND name > ? ORDER BY name LIMIT ?')
    .all(accountId, partition, after, limit) as BucketRow[];
