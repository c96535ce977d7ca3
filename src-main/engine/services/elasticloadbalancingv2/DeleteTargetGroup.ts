import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { resourceInUse } from './errors';
import { findTargetGroup, loadBalancersOfGroup } from './state/target-groups';
import { dropTags } from './state/tags';

export const DeleteTargetGroup = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DeleteTargetGroup'>) => {
  const tg = findTargetGroup(ctx, input.TargetGroupArn);
  if (!tg) return {};
  if (loadBalancersOfGroup(ctx, tg.arn).length > 0) throw resourceInUse(`Target group '${tg.arn}' is currently in use by a listener or a rule`);
  dropTags(ctx, tg.arn);
  ctx.store.stmt('DELETE FROM elbv2_target_groups WHERE arn = ?').run(tg.arn);
  return {};
};
