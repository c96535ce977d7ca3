import type { Ctx } from '../../core/provider';
import type { ResetCacheParameterGroupInput, ResetCacheParameterGroupOutput } from '../../models/generated/elasticache';
import { invalidParameterCombination } from './errors';
import { applyParameterGroup } from './lifecycle';
import { findGroup, groupNotFound, invalidGroupState, isDefaultGroup, overridesOf, PARAMETERS } from './parameters';
import { AwsError } from '../../protocol/errors';

/** Back to the family's defaults: every parameter, or the ones named. */
export const ResetCacheParameterGroup = (ctx: Ctx, input: ResetCacheParameterGroupInput): ResetCacheParameterGroupOutput => {
  const name = input.CacheParameterGroupName.toLowerCase();
  const names = (input.ParameterNameValues ?? []).map((p) => p.ParameterName ?? '');
  if (input.ResetAllParameters && names.length > 0) throw invalidParameterCombination('ResetAllParameters cannot be combined with ParameterNameValues.');
  if (!input.ResetAllParameters && names.length === 0) throw invalidParameterCombination('Give ResetAllParameters or at least one parameter name.');
  ctx.commit(() => {
    const g = findGroup(ctx, name);
    if (!g) throw groupNotFound(name);
    if (isDefaultGroup(name)) throw invalidGroupState(`Default parameter group ${name} cannot be modified.`);
    const own = input.ResetAllParameters ? {} : overridesOf(g);
    for (const n of names) {
      if (!PARAMETERS[n]) throw new AwsError('InvalidParameterValue', `Parameter ${n} does not exist or is not modifiable.`, 400);
      delete own[n];
    }
    ctx.store.stmt('UPDATE elasticache_parameter_groups SET overrides = ? WHERE account_id = ? AND region = ? AND name = ?').run(JSON.stringify(own), ctx.accountId, ctx.region, name);
  });
  applyParameterGroup(ctx, name);
  return { CacheParameterGroupName: name };
};
