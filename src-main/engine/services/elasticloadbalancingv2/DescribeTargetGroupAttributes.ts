import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { attributeList } from './state/attributes';
import { attributesOf, getTargetGroup } from './state/target-groups';

export const DescribeTargetGroupAttributes = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DescribeTargetGroupAttributes'>) => ({
  Attributes: attributeList(attributesOf(getTargetGroup(ctx, input.TargetGroupArn))),
});
