import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireTrail } from './trail-lookup';

export const GetTrailStatus = (ctx: Ctx, input: OperationInput<'cloudtrail', 'GetTrailStatus'>) => {
  const t = requireTrail(ctx, input.Name);
  const d = (v: number | null) => (v === null ? undefined : new Date(v));
  return {
    IsLogging: t.logging === 1,
    StartLoggingTime: d(t.started_at),
    StopLoggingTime: d(t.stopped_at),
    LatestDeliveryTime: d(t.last_delivery),
    LatestDeliveryError: t.last_delivery_error ?? undefined,
  };
};
