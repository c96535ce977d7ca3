import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getClassic } from './state/load-balancers';
import { removeTags } from './state/tags';

export const RemoveTags = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'RemoveTags'>) => {
  for (const name of input.LoadBalancerNames) removeTags(ctx, getClassic(ctx, name).name, input.Tags.map((t) => t.Key ?? ''));
  return {};
};
