import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidConfigurationRequest } from './errors';
import { findLoadBalancer } from './state/load-balancers';
import { listListeners, rulesOf } from './state/listeners';
import { dropTags } from './state/tags';

/** Deleting a load balancer that does not exist succeeds, as on AWS. Its listeners and rules go with it. */
export const DeleteLoadBalancer = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DeleteLoadBalancer'>) => {
  const lb = findLoadBalancer(ctx, input.LoadBalancerArn);
  if (!lb) return {};
  if ((JSON.parse(lb.attributes) as Record<string, string>)['deletion_protection.enabled'] === 'true')
    throw invalidConfigurationRequest(`Load balancer '${lb.arn}' cannot be deleted because deletion protection is enabled`);
  for (const l of listListeners(ctx, lb.arn)) {
    for (const r of rulesOf(ctx, l.arn)) dropTags(ctx, r.arn);
    dropTags(ctx, l.arn);
  }
  dropTags(ctx, lb.arn);
  ctx.store.stmt('DELETE FROM elbv2_load_balancers WHERE arn = ?').run(lb.arn);
  return {};
};
