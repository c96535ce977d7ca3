import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireGroup } from './group-lookup';

export const DeleteRetentionPolicy = (ctx: Ctx, input: OperationInput<'logs', 'DeleteRetentionPolicy'>) => {
  const g = requireGroup(ctx, input);
  ctx.store.stmt('UPDATE logs_groups SET retention_days = NULL WHERE account_id = ? AND region = ? AND name = ?').run(g.account_id, g.region, g.name);
  return {};
};
