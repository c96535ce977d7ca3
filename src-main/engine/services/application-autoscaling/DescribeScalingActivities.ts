import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './page';

interface ActivityRow {
  id: string;
  namespace: string;
  resource_id: string;
  dimension: string;
  description: string;
  cause: string;
  status: string;
  status_message: string | null;
  start_time: number;
  end_time: number | null;
}

export function DescribeScalingActivities(
  ctx: Ctx,
  input: OperationInput<'application-autoscaling', 'DescribeScalingActivities'>,
) {
  const rows = (
    ctx.store
      .stmt(
        'SELECT * FROM aas_activities WHERE account_id = ? AND region = ? AND namespace = ? ORDER BY start_time DESC',
      )
      .all(ctx.accountId, ctx.region, input.ServiceNamespace) as ActivityRow[]
  ).filter(
    (a) =>
      (!input.ResourceId || a.resource_id === input.ResourceId) &&
      (!input.ScalableDimension || a.dimension === input.ScalableDimension),
  );
  const { items, next } = page(
    rows.map((a) => ({
      ActivityId: a.id,
      ServiceNamespace: a.namespace,
      ResourceId: a.resource_id,
      ScalableDimension: a.dimension,
      Description: a.description,
      Cause: a.cause,
      StartTime: new Date(a.start_time),
      ...(a.end_time ? { EndTime: new Date(a.end_time) } : {}),
      StatusCode: a.status,
      ...(a.status_message ? { StatusMessage: a.status_message } : {}),
    })),
    input.MaxResults,
    input.NextToken,
  );
  return { ScalingActivities: items, ...(next ? { NextToken: next } : {}) };
}
