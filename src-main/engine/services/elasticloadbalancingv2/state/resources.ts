/** Any taggable resource by ARN, with the not-found error of its kind. */
import type { Ctx } from '../../../core/provider';
import { listenerNotFound, loadBalancerNotFound, ruleNotFound, targetGroupNotFound, validationError } from '../errors';

const KINDS: { marker: string; table: string; notFound: (m: string) => Error }[] = [
  { marker: ':loadbalancer/', table: 'elbv2_load_balancers', notFound: loadBalancerNotFound },
  { marker: ':targetgroup/', table: 'elbv2_target_groups', notFound: targetGroupNotFound },
  { marker: ':listener/', table: 'elbv2_listeners', notFound: listenerNotFound },
  { marker: ':listener-rule/', table: 'elbv2_rules', notFound: ruleNotFound },
];

export function checkResource(ctx: Ctx, arn: string): void {
  const kind = KINDS.find((k) => arn.includes(k.marker));
  if (!kind) throw validationError(`'${arn}' is not a valid load balancer, target group, listener or rule ARN`);
  const found = ctx.store.stmt(`SELECT 1 FROM ${kind.table} WHERE account_id = ? AND region = ? AND arn = ?`).get(ctx.accountId, ctx.region, arn);
  if (!found) throw kind.notFound(`Resource '${arn}' not found`);
}
