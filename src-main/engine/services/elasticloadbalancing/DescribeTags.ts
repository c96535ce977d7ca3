import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getClassic, tagsOf } from './state/load-balancers';

export const DescribeTags = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'DescribeTags'>) => ({
  TagDescriptions: input.LoadBalancerNames.map((n) => ({ LoadBalancerName: getClassic(ctx, n).name, Tags: tagsOf(ctx, n) })),
});
