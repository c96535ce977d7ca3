import type { Ctx } from '../../core/provider';
import type { DeleteCacheParameterGroupInput, DeleteCacheParameterGroupOutput } from '../../models/generated/elasticache';
import { findGroup, groupNotFound, invalidGroupState, isDefaultGroup } from './parameters';
import { listClusters } from './state/rows';

export const DeleteCacheParameterGroup = (ctx: Ctx, input: DeleteCacheParameterGroupInput): DeleteCacheParameterGroupOutput => {
  const name = input.CacheParameterGroupName.toLowerCase();
  return ctx.commit(() => {
    if (!findGroup(ctx, name)) throw groupNotFound(name);
    if (isDefaultGroup(name)) throw invalidGroupState(`Default parameter group ${name} cannot be deleted.`);
    const user = listClusters(ctx).find((c) => c.parameter_group === name);
    if (user) throw invalidGroupState(`Parameter group ${name} is still in use by cache cluster ${user.id}.`);
    ctx.store.stmt('DELETE FROM elasticache_parameter_groups WHERE account_id = ? AND region = ? AND name = ?').run(ctx.accountId, ctx.region, name);
    return {};
  });
};
