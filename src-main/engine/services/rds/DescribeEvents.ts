import type { Ctx } from '../../core/provider';
import { invalidParameterValue } from './errors';
import { listEvents, sourceArn, type SourceType } from './state/events';
import type { RdsInput, RdsOutput } from './types';

const TYPES = new Set(['db-instance', 'db-parameter-group', 'db-security-group', 'db-snapshot', 'db-cluster', 'db-cluster-snapshot', 'custom-engine-version', 'db-proxy', 'blue-green-deployment']);

/** Events of the last hour by default (Duration in minutes, or StartTime/EndTime), oldest first, as AWS lists them. */
export function DescribeEvents(ctx: Ctx, input: RdsInput<'DescribeEvents'>): RdsOutput<'DescribeEvents'> {
  if (input.SourceType && !TYPES.has(input.SourceType)) throw invalidParameterValue(`Invalid source type: ${input.SourceType}`);
  if (input.SourceIdentifier && !input.SourceType) throw invalidParameterValue('Cannot specify source identifier without source type');
  const now = ctx.clock.now();
  const end = input.EndTime ? new Date(input.EndTime).getTime() : now;
  const start = input.StartTime ? new Date(input.StartTime).getTime() : end - (input.Duration ?? 60) * 60_000;
  let rows = listEvents(ctx.store, ctx, start, end);
  if (input.SourceType) rows = rows.filter((r) => r.source_type === input.SourceType);
  if (input.SourceIdentifier) rows = rows.filter((r) => r.source_id === input.SourceIdentifier!.toLowerCase());
  if (input.EventCategories?.length) rows = rows.filter((r) => (JSON.parse(r.categories) as string[]).some((c) => input.EventCategories!.includes(c)));
  const max = Math.min(Math.max(input.MaxRecords ?? 100, 20), 100);
  const from = input.Marker ? Number(input.Marker) : 0;
  const page = rows.slice(from, from + max);
  return {
    Events: page.map((r) => ({
      SourceIdentifier: r.source_id,
      SourceType: r.source_type,
      Message: r.message,
      EventCategories: JSON.parse(r.categories) as string[],
      Date: new Date(r.at),
      SourceArn: sourceArn(r.region, r.account_id, r.source_type as SourceType, r.source_id),
    })),
    ...(from + max < rows.length ? { Marker: String(from + max) } : {}),
  };
}
