import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireTrail } from './trail-lookup';

export const StopLogging = (ctx: Ctx, input: OperationInput<'cloudtrail', 'StopLogging'>) => {
  const t = requireTrail(ctx, input.Name);
  ctx.store
    .stmt('UPDATE ct_trails SET logging = 0, stopped_at = ? WHERE account_id = ? AND region = ? AND name = ?')
    .run(ctx.clock.now(), t.account_id, t.region, t.name);
  return {};
};
