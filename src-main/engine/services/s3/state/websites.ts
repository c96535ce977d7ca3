/** Static website configurations (§8.6): one per bucket, kept as the JSON of its WebsiteConfiguration. */
import type { Store } from '../../../store/store';
import type { PutBucketWebsiteInput } from '../../../models/generated/s3';

export type WebsiteConfig = PutBucketWebsiteInput['WebsiteConfiguration'];

export const getWebsite = (store: Store, bucketId: number): WebsiteConfig | undefined => {
  const row = store.stmt('SELECT config FROM s3_bucket_websites WHERE bucket_id = ?').get(bucketId) as { config: string } | undefined;
  return row ? (JSON.parse(row.config) as WebsiteConfig) : undefined;
};

export const putWebsite = (store: Store, bucketId: number, config: WebsiteConfig): void => {
  store.stmt('INSERT OR REPLACE INTO s3_bucket_websites (bucket_id, config) VALUES (?, ?)').run(bucketId, JSON.stringify(config));
};

export const deleteWebsite = (store: Store, bucketId: number): void => {
  store.stmt('DELETE FROM s3_bucket_websites WHERE bucket_id = ?').run(bucketId);
};
