import type { Ctx } from '../../core/provider';
import type { ModifyCacheParameterGroupInput, ModifyCacheParameterGroupOutput } from '../../models/generated/elasticache';
import { invalidParameterValue } from './errors';
import { applyParameterGroup } from './lifecycle';
import { checkValue, findGroup, groupNotFound, invalidGroupState, isDefaultGroup, overridesOf } from './parameters';

/** Changes values in a group of the learner's; running nodes that use it take them at once. */
export const ModifyCacheParameterGroup = (ctx: Ctx, input: ModifyCacheParameterGroupInput): ModifyCacheParameterGroupOutput => {
  const name = input.CacheParameterGroupName.toLowerCase();
  if (input.ParameterNameValues.length === 0) throw invalidParameterValue('At least one parameter name and value must be given.');
  ctx.commit(() => {
    const g = findGroup(ctx, name);
    if (!g) throw groupNotFound(name);
    if (isDefaultGroup(name)) throw invalidGroupState(`Default parameter group ${name} cannot be modified.`);
    const own = overridesOf(g);
    for (const { ParameterName, ParameterValue } of input.ParameterNameValues) {
      if (!ParameterName || ParameterValue === undefined) throw invalidParameterValue('Each parameter needs ParameterName and ParameterValue.');
      checkValue(ParameterName, ParameterValue);
      own[ParameterName] = ParameterValue;
    }
    ctx.store.stmt('UPDATE elasticache_parameter_groups SET overrides = ? WHERE account_id = ? AND region = ? AND name = ?').run(JSON.stringify(own), ctx.accountId, ctx.region, name);
  });
  applyParameterGroup(ctx, name);
  return { CacheParameterGroupName: name };
};
