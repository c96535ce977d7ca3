/** Lifecycle configurations (§8.4): one per bucket, kept as the JSON of its rules (dates as ISO strings). */
import type { Store } from '../../../store/store';
import type { PutBucketLifecycleConfigurationInput } from '../../../models/generated/s3';

export type LifecycleRule = NonNullable<PutBucketLifecycleConfigurationInput['LifecycleConfiguration']>['Rules'][number];

export const getLifecycle = (store: Store, bucketId: number): LifecycleRule[] | undefined => {
  const row = store.stmt('SELECT config FROM s3_bucket_lifecycles WHERE bucket_id = ?').get(bucketId) as { config: string } | undefined;
  return row ? (JSON.parse(row.config) as LifecycleRule[]) : undefined;
};

export const putLifecycle = (store: Store, bucketId: number, rules: LifecycleRule[]): void => {
  store.stmt('INSERT OR REPLACE INTO s3_bucket_lifecycles (bucket_id, config) VALUES (?, ?)').run(bucketId, JSON.stringify(rules));
};

export const deleteLifecycle = (store: Store, bucketId: number): void => {
  store.stmt('DELETE FROM s3_bucket_lifecycles WHERE bucket_id = ?').run(bucketId);
};

export const bucketsWithLifecycle = (store: Store): number[] => store.stmt('SELECT bucket_id FROM s3_bucket_lifecycles').pluck().all() as number[];
