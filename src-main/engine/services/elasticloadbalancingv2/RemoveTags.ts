import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { checkResource } from './state/resources';
import { removeTags } from './state/tags';

export const RemoveTags = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'RemoveTags'>) => {
  for (const arn of input.ResourceArns) checkResource(ctx, arn);
  for (const arn of input.ResourceArns) removeTags(ctx, arn, input.TagKeys);
  return {};
};
