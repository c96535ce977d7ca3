import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getGroup } from './state/groups';

export const DeleteTags = (ctx: Ctx, input: OperationInput<'autoscaling', 'DeleteTags'>) => {
  for (const t of input.Tags) {
    const g = getGroup(ctx, t.ResourceId ?? '');
    ctx.store.stmt('DELETE FROM autoscaling_tags WHERE account_id = ? AND region = ? AND group_name = ? AND key = ?').run(ctx.accountId, ctx.region, g.name, t.Key);
  }
  return {};
};
