import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { requireGroup } from './group-lookup';
import { page } from './pages';
import { groupArn, sequenceToken, type StreamRow } from './state/groups';

export const DescribeLogStreams = (ctx: Ctx, input: OperationInput<'logs', 'DescribeLogStreams'>) => {
  const g = requireGroup(ctx, input);
  const byTime = input.orderBy === 'LastEventTime';
  if (byTime && input.logStreamNamePrefix) throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
  let rows = ctx.store.stmt('SELECT * FROM logs_streams WHERE account_id = ? AND region = ? AND grp = ? ORDER BY name').all(g.account_id, g.region, g.name) as StreamRow[];
  if (input.logStreamNamePrefix) rows = rows.filter((s) => s.name.startsWith(input.logStreamNamePrefix!));
  if (byTime) rows.sort((a, b) => (a.last_ts ?? 0) - (b.last_ts ?? 0) || a.name.localeCompare(b.name));
  if (input.descending) rows.reverse();
  const p = page(rows, input.limit, input.nextToken);
  return {
    logStreams: p.items.map((s) => ({
      logStreamName: s.name,
      creationTime: s.created_at,
      firstEventTimestamp: s.first_ts ?? undefined,
      lastEventTimestamp: s.last_ts ?? undefined,
      lastIngestionTime: s.last_ingest ?? undefined,
      uploadSequenceToken: sequenceToken(s.seq),
      arn: `${groupArn(ctx, g.name)}:log-stream:${s.name}`,
      storedBytes: 0,
    })),
    nextToken: p.nextToken,
  };
};
