import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { buildNetworkWorld } from '../ec2/index';
import { duplicateLoadBalancerName, invalidConfigurationRequest, invalidSecurityGroup, invalidSubnet, subnetNotFound, validationError } from './errors';
import { DEFAULT_LB_ATTRIBUTES, listLoadBalancers, loadBalancerOutput, nodePrivateIp, nodePublicIp } from './state/load-balancers';
import { dnsName, loadBalancerArn } from './state/names';
import { putTags } from './state/tags';

const NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

/** An Application Load Balancer: one node per subnet (at least two zones), the VPC's default group when none is given. */
export const CreateLoadBalancer = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'CreateLoadBalancer'>) => {
  const name = input.Name;
  if (!NAME.test(name) || name.startsWith('internal-'))
    throw validationError(`The load balancer name '${name}' is not valid: it must have 1-32 alphanumeric characters or hyphens, and must neither begin nor end with a hyphen nor begin with 'internal-'`);
  const type = input.Type ?? 'application';
  if (type !== 'application') throw invalidConfigurationRequest(`Load balancers of type '${type}' are not simulated in Nimbus Lab; use type 'application'`);
  const scheme = (input.Scheme ?? 'internet-facing') as 'internet-facing' | 'internal';
  const subnetIds = [...(input.Subnets ?? []), ...(input.SubnetMappings ?? []).map((m) => m.SubnetId ?? '')];
  if (subnetIds.length === 0) throw validationError('At least one subnet must be specified');
  const world = buildNetworkWorld(ctx);
  const subnets = subnetIds.map((id) => {
    const s = world.subnets.find((x) => x.id === id);
    if (!s) throw subnetNotFound(`The subnet ID '${id}' is not valid`);
    return s;
  });
  const vpcId = subnets[0]!.vpcId;
  if (subnets.some((s) => s.vpcId !== vpcId)) throw invalidConfigurationRequest('All subnets must belong to the same VPC');
  const zones = new Set(subnets.map((s) => s.zone));
  if (zones.size !== subnets.length) throw invalidConfigurationRequest('You cannot specify multiple subnets from the same Availability Zone');
  if (zones.size < 2) throw validationError('At least two subnets in two different Availability Zones must be specified');
  if (scheme === 'internet-facing') {
    const igw = world.internetGateways.some((g) => g.vpcId === vpcId);
    if (!igw) throw invalidSubnet(`VPC ${vpcId} has no internet gateway`);
  }
  let groups = input.SecurityGroups ?? [];
  for (const g of groups) {
    const sg = world.securityGroups.find((x) => x.id === g);
    if (!sg) throw invalidSecurityGroup(`Security group '${g}' does not exist`);
    if (sg.vpcId !== vpcId) throw invalidSecurityGroup(`Security group '${g}' does not belong to VPC '${vpcId}'`);
  }
  if (groups.length === 0) {
    const def = world.securityGroups.find((x) => x.vpcId === vpcId && x.name === 'default');
    groups = def ? [def.id] : [];
  }
  const existing = listLoadBalancers(ctx).find((l) => l.name === name);
  if (existing) {
    // Creating the same load balancer again answers the existing one, as AWS does.
    const same = existing.scheme === scheme && JSON.stringify(JSON.parse(existing.security_groups)) === JSON.stringify(groups);
    if (!same) throw duplicateLoadBalancerName(name);
    return { LoadBalancers: [loadBalancerOutput(ctx, existing)] };
  }
  const arn = loadBalancerArn(ctx, type, name);
  ctx.store
    .stmt(
      `INSERT INTO elbv2_load_balancers (account_id, region, arn, name, dns_name, scheme, type, vpc_id, ip_address_type, security_groups, attributes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(ctx.accountId, ctx.region, arn, name, dnsName(ctx, name, scheme === 'internal'), scheme, type, vpcId, input.IpAddressType ?? 'ipv4', JSON.stringify(groups), JSON.stringify(DEFAULT_LB_ATTRIBUTES), ctx.clock.now());
  let n = 0;
  for (const s of subnets) {
    ctx.store
      .stmt('INSERT INTO elbv2_nodes (lb_arn, node_id, subnet_id, zone, private_ip, public_ip) VALUES (?, ?, ?, ?, ?, ?)')
      .run(arn, `${arn}#${n++}`, s.id, s.zone, nodePrivateIp(ctx, s.id, s.cidr), scheme === 'internet-facing' ? nodePublicIp(ctx) : null);
  }
  putTags(ctx, arn, input.Tags);
  const lb = listLoadBalancers(ctx).find((l) => l.arn === arn)!;
  return { LoadBalancers: [loadBalancerOutput(ctx, lb)] };
};
