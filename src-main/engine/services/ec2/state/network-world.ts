/**
 * The network model's view of one account + region, built from the EC2 tables, and the one call the
 * rest of the lab uses to ask "can this reach that, and if not, why".
 *
 *   buildNetworkWorld(ctx): NetworkWorld
 *   explainReachability(ctx, { from, to, protocol, port }): Reachability
 *       from/to: { kind: 'instance', instanceId } | { kind: 'interface', interfaceId }
 *              | { kind: 'workstation' } | { kind: 'internet', ip? }
 */
import type { Ctx } from '../../../core/provider';
import { canReach, type Endpoint, type NetworkWorld, type Protocol, type Reachability, type WorldRouteTable } from '../../../network/index';
import { addressesOfEni } from './addresses';
import { instanceStates } from './instance-lookup';
import { listInternetGateways } from './internet-gateways';
import { listNatGateways } from './nat-gateways';
import { aclOfSubnet, entriesOf, listNetworkAcls } from './network-acls';
import { groupIdsOf, listEnis, privateIpsOf } from './network-interfaces';
import { listRouteTables, routeState, routeTableOfSubnet, routesOf } from './route-tables';
import { listGroups, rulesOf, type RuleRow } from './security-groups';
import { listSubnets } from './subnets';
import { listVpcs } from './vpcs';

const sgRule = (r: RuleRow) => ({
  protocol: r.ip_protocol,
  fromPort: r.from_port ?? undefined,
  toPort: r.to_port ?? undefined,
  cidr: r.cidr_ipv4 ?? undefined,
  groupId: r.referenced_group_id ?? undefined,
});

export function buildNetworkWorld(ctx: Ctx): NetworkWorld {
  const vpcs = listVpcs(ctx);
  const routeTables: WorldRouteTable[] = listRouteTables(ctx).map((t) => ({
    id: t.rtb_id,
    vpcId: t.vpc_id,
    routes: routesOf(ctx, t.rtb_id).map((r) => ({
      destination: r.destination_cidr,
      state: routeState(ctx, r, t.vpc_id),
      target:
        r.gateway_id === 'local'
          ? { kind: 'local' as const }
          : r.gateway_id
            ? { kind: 'internet-gateway' as const, id: r.gateway_id }
            : r.nat_gateway_id
              ? { kind: 'nat-gateway' as const, id: r.nat_gateway_id }
              : { kind: 'network-interface' as const, id: r.network_interface_id ?? r.instance_id ?? '', instanceId: r.instance_id ?? undefined },
    })),
  }));
  const states = instanceStates(ctx);
  return {
    region: ctx.region,
    vpcs: vpcs.map((v) => ({ id: v.vpc_id, cidr: v.cidr_block })),
    subnets: listSubnets(ctx).map((s) => ({
      id: s.subnet_id,
      vpcId: s.vpc_id,
      cidr: s.cidr_block,
      zone: s.availability_zone,
      routeTableId: routeTableOfSubnet(ctx, s.subnet_id, s.vpc_id)?.rtb_id ?? '',
      networkAclId: aclOfSubnet(ctx, s.subnet_id)?.acl_id ?? '',
    })),
    routeTables,
    internetGateways: listInternetGateways(ctx).map((g) => ({ id: g.igw_id, vpcId: g.vpc_id })),
    natGateways: listNatGateways(ctx).map((n) => ({
      id: n.nat_id,
      vpcId: n.vpc_id,
      subnetId: n.subnet_id,
      state: n.state,
      connectivity: n.connectivity_type === 'private' ? ('private' as const) : ('public' as const),
      privateIp: n.private_ip ?? undefined,
      publicIp: n.public_ip ?? undefined,
    })),
    networkAcls: listNetworkAcls(ctx).map((a) => ({
      id: a.acl_id,
      vpcId: a.vpc_id,
      entries: entriesOf(ctx, a.acl_id).map((e) => ({
        ruleNumber: e.rule_number,
        egress: e.egress === 1,
        protocol: e.protocol,
        action: e.rule_action,
        cidr: e.cidr_block ?? '0.0.0.0/0',
        portFrom: e.port_from ?? undefined,
        portTo: e.port_to ?? undefined,
        icmpType: e.icmp_type ?? undefined,
        icmpCode: e.icmp_code ?? undefined,
      })),
    })),
    securityGroups: listGroups(ctx).map((g) => ({
      id: g.group_id,
      name: g.group_name,
      vpcId: g.vpc_id,
      ingress: rulesOf(ctx, g.group_id, false).map(sgRule),
      egress: rulesOf(ctx, g.group_id, true).map(sgRule),
    })),
    interfaces: listEnis(ctx).map((e) => {
      const ips = privateIpsOf(ctx, e.eni_id);
      const primary = ips.find((p) => p.is_primary === 1)?.private_ip ?? '';
      const eip = addressesOfEni(ctx, e.eni_id).find((a) => a.private_ip === primary);
      return {
        id: e.eni_id,
        subnetId: e.subnet_id,
        vpcId: e.vpc_id,
        primaryIp: primary,
        privateIps: ips.map((p) => p.private_ip),
        publicIp: eip?.public_ip ?? e.public_ip ?? undefined,
        groupIds: groupIdsOf(ctx, e.eni_id),
        instanceId: e.instance_id ?? undefined,
        deviceIndex: e.device_index ?? undefined,
      };
    }),
    instances: [...states].map(([id, state]) => ({ id, state })),
  };
}

export function explainReachability(ctx: Ctx, q: { from: Endpoint; to: Endpoint; protocol: Protocol; port: number }): Reachability {
  return canReach(buildNetworkWorld(ctx), q.from, q.to, { protocol: q.protocol, port: q.port });
}
