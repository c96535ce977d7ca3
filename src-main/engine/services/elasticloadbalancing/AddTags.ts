import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getClassic } from './state/load-balancers';
import { putTags } from './state/tags';

export const AddTags = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'AddTags'>) => {
  for (const name of input.LoadBalancerNames) putTags(ctx, getClassic(ctx, name).name, input.Tags);
  return {};
};
