import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { checkResource } from './state/resources';
import { tagsOf } from './state/tags';

export const DescribeTags = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DescribeTags'>) => {
  for (const arn of input.ResourceArns) checkResource(ctx, arn);
  return { TagDescriptions: input.ResourceArns.map((arn) => ({ ResourceArn: arn, Tags: tagsOf(ctx, arn) })) };
};
