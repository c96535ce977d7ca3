import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { AwsError } from '../../protocol/errors';
import { getGroup } from './state/groups';
import { activeRefresh } from './state/instance-refresh';

/** Stops replacing; instances already replaced stay replaced. */
export const CancelInstanceRefresh = (ctx: Ctx, input: OperationInput<'autoscaling', 'CancelInstanceRefresh'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const r = activeRefresh(ctx, g.name);
  if (!r) throw new AwsError('ActiveInstanceRefreshNotFound', `No in progress or pending Instance Refresh found for Auto Scaling group ${g.name}`, 400);
  ctx.store
    .stmt("UPDATE autoscaling_instance_refreshes SET status = 'Cancelled', status_reason = 'Cancelled due to user request.', end_time = ? WHERE account_id = ? AND region = ? AND id = ?")
    .run(ctx.clock.now(), ctx.accountId, ctx.region, r.id);
  return { InstanceRefreshId: r.id };
};
