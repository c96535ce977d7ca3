/**
 * The CloudWatch Logs provider: groups, streams, PutLogEvents/GetLogEvents/FilterLogEvents with
 * AWS's filter-pattern syntax, retention on the simulated clock, metric filters that publish to
 * CloudWatch. Other services write logs with `appendLogEvents` (no HTTP, group and stream created
 * on first use), as Lambda does for its functions.
 */
import { defineService } from '../../core/provider';
import { logsMigrations } from './migrations';
import { logsIamTable } from './iam-table';
import { logsResourceProviders } from './cloudformation';
import { startRetention } from './retention';
import { appendEvents, type Scope } from './state/groups';
import { CreateLogGroup } from './CreateLogGroup';
import { DeleteLogGroup } from './DeleteLogGroup';
import { DescribeLogGroups } from './DescribeLogGroups';
import { CreateLogStream } from './CreateLogStream';
import { DeleteLogStream } from './DeleteLogStream';
import { DescribeLogStreams } from './DescribeLogStreams';
import { PutLogEvents } from './PutLogEvents';
import { GetLogEvents } from './GetLogEvents';
import { FilterLogEvents } from './FilterLogEvents';
import { PutRetentionPolicy } from './PutRetentionPolicy';
import { DeleteRetentionPolicy } from './DeleteRetentionPolicy';
import { PutMetricFilter } from './PutMetricFilter';
import { DescribeMetricFilters } from './DescribeMetricFilters';
import { DeleteMetricFilter } from './DeleteMetricFilter';

export const logsProvider = defineService({
  service: 'logs',
  migrations: logsMigrations,
  handlers: {
    CreateLogGroup,
    DeleteLogGroup,
    DescribeLogGroups,
    CreateLogStream,
    DeleteLogStream,
    DescribeLogStreams,
    PutLogEvents,
    GetLogEvents,
    FilterLogEvents,
    PutRetentionPolicy,
    DeleteRetentionPolicy,
    PutMetricFilter,
    DescribeMetricFilters,
    DeleteMetricFilter,
  },
  start: (engine) => startRetention(engine),
  iam: logsIamTable,
  cloudformation: logsResourceProviders,
  inventory: [
    {
      operation: 'DescribeLogGroups',
      list: async (ctx, region) =>
        (((await ctx.aws('logs', 'DescribeLogGroups', {}, region)).logGroups as { logGroupName: string }[] | undefined) ?? []).map((g) => ({ key: `logs:${region}:log-group:${g.logGroupName}`, label: `log group ${g.logGroupName}` })),
    },
  ],
});

/**
 * Writes log events from inside the engine (a handler's Ctx is a scope): creates the group and
 * stream when missing, runs the group's metric filters. Synchronous; call it inside a transaction.
 */
export function appendLogEvents(scope: Scope, logGroupName: string, logStreamName: string, events: readonly { timestamp: number; message: string }[]): void {
  appendEvents(scope, logGroupName, logStreamName, events, true);
}
export { compileFilter, FilterPatternError } from './filter-pattern';
