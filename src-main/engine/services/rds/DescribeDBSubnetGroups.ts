import type { Ctx } from '../../core/provider';
import { subnetGroupOutput } from './output';
import { getSubnetGroup, listSubnetGroups } from './state/subnet-groups';
import type { RdsInput, RdsOutput } from './types';

export function DescribeDBSubnetGroups(ctx: Ctx, input: RdsInput<'DescribeDBSubnetGroups'>): RdsOutput<'DescribeDBSubnetGroups'> {
  const rows = input.DBSubnetGroupName ? [getSubnetGroup(ctx, input.DBSubnetGroupName)] : listSubnetGroups(ctx);
  return { DBSubnetGroups: rows.map(subnetGroupOutput) };
}
