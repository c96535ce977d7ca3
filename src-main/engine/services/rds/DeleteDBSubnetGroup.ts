import type { Ctx } from '../../core/provider';
import { invalidDBSubnetGroupState } from './errors';
import { listInstances } from './state/instances';
import { deleteSubnetGroupRow, getSubnetGroup } from './state/subnet-groups';
import type { RdsInput, RdsOutput } from './types';

export function DeleteDBSubnetGroup(ctx: Ctx, input: RdsInput<'DeleteDBSubnetGroup'>): RdsOutput<'DeleteDBSubnetGroup'> {
  const g = getSubnetGroup(ctx, input.DBSubnetGroupName);
  const user = listInstances(ctx).find((i) => i.subnet_group === g.name);
  if (user) throw invalidDBSubnetGroupState(`Cannot delete the subnet group '${g.name}' because at least one database instance: ${user.id} is still using it.`);
  deleteSubnetGroupRow(ctx, g.name);
  return {};
}
