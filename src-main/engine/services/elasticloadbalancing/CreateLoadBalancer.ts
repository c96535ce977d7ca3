import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { classicBacking } from '../elasticloadbalancingv2/index';
import { duplicateLoadBalancerName, invalidScheme, invalidSubnet, tooManyTags, validationError } from './errors';
import { checkGroups, checkListeners, DEFAULT_ATTRIBUTES, defaultHealthCheck, findClassic, placement } from './state/load-balancers';
import { putTags } from './state/tags';

const NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

/** A Classic Load Balancer in a VPC: one node per subnet, a TCP health check of the first instance port until one is configured. */
export const CreateLoadBalancer = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'CreateLoadBalancer'>) => {
  const name = input.LoadBalancerName;
  if (!NAME.test(name)) throw validationError(`LoadBalancerName '${name}' is not valid: use 1-32 letters, digits or hyphens, not starting or ending with a hyphen.`);
  const scheme = input.Scheme ?? 'internet-facing';
  if (scheme !== 'internet-facing' && scheme !== 'internal') throw invalidScheme(scheme);
  const listeners = checkListeners(input.Listeners);
  if (listeners.length === 0) throw validationError('At least one listener is required.');
  if (new Set(listeners.map((l) => l.LoadBalancerPort)).size !== listeners.length) throw validationError('Listeners must use different load balancer ports.');
  const place = placement(ctx, input.Subnets, input.AvailabilityZones);
  if (scheme === 'internet-facing' && !place.world.internetGateways.some((g) => g.vpcId === place.vpcId)) throw invalidSubnet(`VPC ${place.vpcId} has no internet gateway.`);
  const groups = checkGroups(ctx, place.world, place.vpcId, input.SecurityGroups);
  if ((input.Tags ?? []).length > 10) throw tooManyTags(name);
  const existing = findClassic(ctx, name);
  if (existing) {
    // The same request again answers the existing load balancer, as AWS does.
    if (existing.listeners === JSON.stringify(listeners) && existing.scheme === scheme) return { DNSName: existing.dns_name };
    throw duplicateLoadBalancerName(name);
  }
  const hc = defaultHealthCheck(listeners);
  const b = classicBacking.createBacking(ctx, { name, scheme, vpcId: place.vpcId, subnets: place.subnets, groups });
  classicBacking.setListeners(ctx, b.arn, name, listeners, hc, []);
  ctx.store
    .stmt(
      `INSERT INTO elb_load_balancers (account_id, region, name, backing_arn, dns_name, scheme, vpc_id, subnets, zones, security_groups, listeners, health_check, instances, attributes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
    )
    .run(
      ctx.accountId, ctx.region, name, b.arn, b.dnsName, scheme, place.vpcId, JSON.stringify(place.subnets), JSON.stringify(place.subnets.map((s) => s.zone)),
      JSON.stringify(groups), JSON.stringify(listeners), JSON.stringify(hc), JSON.stringify(DEFAULT_ATTRIBUTES), ctx.clock.now(),
    );
  putTags(ctx, name, input.Tags ?? []);
  return { DNSName: b.dnsName };
};
