/**
 * The CloudTrail provider: LookupEvents over the lab's event history (every call is recorded by the
 * dispatcher, core `events` table), trails that deliver gzipped log files to S3 on the clock.
 * record.ts turns history rows into CloudTrail records; EventBridge uses it for "AWS API Call via
 * CloudTrail" events.
 */
import { defineService } from '../../core/provider';
import { cloudtrailMigrations } from './migrations';
import { cloudtrailIamTable } from './iam-table';
import { cloudtrailResourceProviders } from './cloudformation';
import { startDelivery } from './delivery';
import { LookupEvents } from './LookupEvents';
import { CreateTrail } from './CreateTrail';
import { DescribeTrails } from './DescribeTrails';
import { GetTrail } from './GetTrail';
import { GetTrailStatus } from './GetTrailStatus';
import { StartLogging } from './StartLogging';
import { StopLogging } from './StopLogging';
import { DeleteTrail } from './DeleteTrail';

export const cloudtrailProvider = defineService({
  service: 'cloudtrail',
  migrations: cloudtrailMigrations,
  handlers: {
    LookupEvents,
    CreateTrail,
    DescribeTrails,
    GetTrail,
    GetTrailStatus,
    StartLogging,
    StopLogging,
    DeleteTrail,
  },
  start: (engine) => startDelivery(engine),
  iam: cloudtrailIamTable,
  cloudformation: cloudtrailResourceProviders,
  inventory: [
    {
      operation: 'DescribeTrails',
      list: async (ctx, region) =>
        (
          ((await ctx.aws('cloudtrail', 'DescribeTrails', {}, region)).trailList as { Name: string }[] | undefined) ??
          []
        ).map((t) => ({ key: `cloudtrail:${region}:trail:${t.Name}`, label: `CloudTrail trail ${t.Name}` })),
    },
  ],
});

export { cloudTrailEvent, historyAfter, lastHistoryId, READ_ONLY, eventSource, type HistoryRow } from './record';
