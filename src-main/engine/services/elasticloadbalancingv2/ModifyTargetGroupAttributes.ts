import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { attributeList, mergeAttributes } from './state/attributes';
import { attributesOf, getTargetGroup } from './state/target-groups';

export const ModifyTargetGroupAttributes = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'ModifyTargetGroupAttributes'>) => {
  const tg = getTargetGroup(ctx, input.TargetGroupArn);
  const next = mergeAttributes(attributesOf(tg), input.Attributes);
  ctx.store.stmt('UPDATE elbv2_target_groups SET attributes = ? WHERE arn = ?').run(JSON.stringify(next), tg.arn);
  return { Attributes: attributeList(next) };
};
