import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireTrail } from './trail-lookup';
import { lastHistoryId } from './record';

/** Logging starts now: calls made from here on are delivered, not the history before. */
export const StartLogging = (ctx: Ctx, input: OperationInput<'cloudtrail', 'StartLogging'>) => {
  const t = requireTrail(ctx, input.Name);
  if (t.logging) return {};
  ctx.store
    .stmt(
      'UPDATE ct_trails SET logging = 1, started_at = ?, delivered_through = COALESCE(delivered_through, ?) WHERE account_id = ? AND region = ? AND name = ?',
    )
    .run(ctx.clock.now(), lastHistoryId(ctx.store), t.account_id, t.region, t.name);
  return {};
};
