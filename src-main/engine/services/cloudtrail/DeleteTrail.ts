import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireTrail } from './trail-lookup';

export const DeleteTrail = (ctx: Ctx, input: OperationInput<'cloudtrail', 'DeleteTrail'>) => {
  const t = requireTrail(ctx, input.Name);
  ctx.store
    .stmt('DELETE FROM ct_trails WHERE account_id = ? AND region = ? AND name = ?')
    .run(t.account_id, t.region, t.name);
  return {};
};
