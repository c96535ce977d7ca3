import { streaming, type Ctx } from '../../core/provider';
import type { CreateCacheSubnetGroupInput, CreateCacheSubnetGroupOutput } from '../../models/generated/elasticache';
import { subnets } from './ec2-lookups';
import { invalidParameterValue, invalidSubnet, subnetGroupExists } from './errors';
import { describeSubnetGroup } from './state/describe';
import { getSubnetGroup } from './state/rows';
import { validName } from './names';

/** A named set of subnets in one VPC where cache nodes may be placed. */
export const CreateCacheSubnetGroup = streaming(async (ctx: Ctx, input: CreateCacheSubnetGroupInput): Promise<CreateCacheSubnetGroupOutput> => {
  const name = input.CacheSubnetGroupName.toLowerCase();
  validName(name, 'CacheSubnetGroupName', 255);
  if (name === 'default') throw invalidParameterValue('Cache subnet group name default is reserved.');
  if (input.SubnetIds.length === 0) throw invalidParameterValue('At least one subnet must be given.');
  const found = await subnets(ctx, input.SubnetIds);
  const vpcs = new Set(found.map((s) => s.vpcId));
  if (vpcs.size > 1) throw invalidSubnet('Subnets must all be in the same VPC.');
  return ctx.commit(() => {
    if (getSubnetGroup(ctx, name)) throw subnetGroupExists(name);
    ctx.store
      .stmt('INSERT INTO elasticache_subnet_groups (account_id, region, name, description, vpc_id, subnets) VALUES (?, ?, ?, ?, ?, ?)')
      .run(ctx.accountId, ctx.region, name, input.CacheSubnetGroupDescription, found[0]!.vpcId, JSON.stringify(found.map((s) => ({ id: s.id, az: s.az }))));
    return { CacheSubnetGroup: describeSubnetGroup(ctx, getSubnetGroup(ctx, name)!) };
  });
});
