/** Trails as rows. */
import type { Store } from '../../../store/store';
import type { CreateTrailInput } from '../../../models/generated/cloudtrail';

export interface TrailRow {
  account_id: string;
  region: string;
  name: string;
  arn: string;
  config: string;
  logging: number;
  started_at: number | null;
  stopped_at: number | null;
  delivered_through: number | null;
  last_delivery: number | null;
  last_delivery_error: string | null;
}

export const trailArn = (region: string, accountId: string, name: string) => `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`;

/** By name or ARN. */
export function findTrail(store: Store, accountId: string, region: string, nameOrArn: string): TrailRow | undefined {
  const name = nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
  return store.stmt('SELECT * FROM ct_trails WHERE account_id = ? AND region = ? AND name = ?').get(accountId, region, name) as TrailRow | undefined;
}

export function trailView(t: TrailRow): Record<string, unknown> {
  const c = JSON.parse(t.config) as CreateTrailInput;
  return {
    Name: t.name,
    S3BucketName: c.S3BucketName,
    S3KeyPrefix: c.S3KeyPrefix,
    SnsTopicName: c.SnsTopicName,
    IncludeGlobalServiceEvents: c.IncludeGlobalServiceEvents ?? true,
    IsMultiRegionTrail: c.IsMultiRegionTrail ?? false,
    HomeRegion: t.region,
    TrailARN: t.arn,
    LogFileValidationEnabled: c.EnableLogFileValidation ?? false,
    CloudWatchLogsLogGroupArn: c.CloudWatchLogsLogGroupArn,
    CloudWatchLogsRoleArn: c.CloudWatchLogsRoleArn,
    KmsKeyId: c.KmsKeyId,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
  };
}
