import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { getGroup } from './state/groups';
import { findGroupInstance } from './state/instances';

export const SetInstanceProtection = (ctx: Ctx, input: OperationInput<'autoscaling', 'SetInstanceProtection'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  for (const id of input.InstanceIds) {
    const i = findGroupInstance(ctx, id);
    if (!i || i.group_name !== g.name) throw validationError(`The instance ${id} is not part of Auto Scaling group ${g.name}.`);
  }
  for (const id of input.InstanceIds)
    ctx.store.stmt('UPDATE autoscaling_instances SET protected = ? WHERE account_id = ? AND region = ? AND instance_id = ?').run(input.ProtectedFromScaleIn ? 1 : 0, ctx.accountId, ctx.region, id);
  return {};
};
