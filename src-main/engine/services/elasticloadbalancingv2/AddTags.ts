import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { checkResource } from './state/resources';
import { putTags } from './state/tags';

export const AddTags = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'AddTags'>) => {
  for (const arn of input.ResourceArns) checkResource(ctx, arn);
  for (const arn of input.ResourceArns) putTags(ctx, arn, input.Tags);
  return {};
};
