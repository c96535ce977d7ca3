import type { Ctx } from '../../core/provider';
import type { CreateCacheParameterGroupInput, CreateCacheParameterGroupOutput } from '../../models/generated/elasticache';
import { AwsError } from '../../protocol/errors';
import { invalidParameterValue } from './errors';
import { validName } from './names';
import { describeGroup, FAMILIES, findGroup } from './parameters';

export const CreateCacheParameterGroup = (ctx: Ctx, input: CreateCacheParameterGroupInput): CreateCacheParameterGroupOutput => {
  const name = input.CacheParameterGroupName.toLowerCase();
  validName(name, 'parameter group name', 255);
  if (!FAMILIES.includes(input.CacheParameterGroupFamily))
    throw invalidParameterValue(`The parameter CacheParameterGroupFamily ${input.CacheParameterGroupFamily} is not a valid family (the lab's are ${FAMILIES.join(', ')}).`);
  return ctx.commit(() => {
    if (findGroup(ctx, name)) throw new AwsError('CacheParameterGroupAlreadyExists', `Parameter group ${name} already exists.`, 400);
    ctx.store
      .stmt("INSERT INTO elasticache_parameter_groups (account_id, region, name, family, description, overrides) VALUES (?, ?, ?, ?, ?, '{}')")
      .run(ctx.accountId, ctx.region, name, input.CacheParameterGroupFamily, input.Description);
    return { CacheParameterGroup: describeGroup(ctx, findGroup(ctx, name)!) };
  });
};
