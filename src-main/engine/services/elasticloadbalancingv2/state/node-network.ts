/**
 * The network model with the load balancer's nodes in it: each node is an interface in its subnet
 * carrying the load balancer's security groups, so the same checks apply as to an instance (a
 * client reaching the node, the node reaching a target, the book's group-to-group rules).
 */
import type { Ctx } from '../../../core/provider';
import { canReach, type Endpoint, type NetworkWorld, type Protocol, type Reachability } from '../../../network/index';
import { buildNetworkWorld } from '../../ec2/index';
import type { NodeRow } from './load-balancers';

interface LbNodeRow extends NodeRow {
  security_groups: string;
  vpc_id: string;
}

export function worldWithNodes(ctx: Ctx): NetworkWorld {
  const world = buildNetworkWorld(ctx);
  const nodes = ctx.store
    .stmt(
      `SELECT n.*, lb.security_groups, lb.vpc_id FROM elbv2_nodes n JOIN elbv2_load_balancers lb ON lb.arn = n.lb_arn
        WHERE lb.account_id = ? AND lb.region = ?`,
    )
    .all(ctx.accountId, ctx.region) as LbNodeRow[];
  for (const n of nodes) {
    world.interfaces.push({
      id: n.node_id,
      subnetId: n.subnet_id,
      vpcId: n.vpc_id,
      primaryIp: n.private_ip,
      privateIps: [n.private_ip],
      ...(n.public_ip ? { publicIp: n.public_ip } : {}),
      groupIds: JSON.parse(n.security_groups) as string[],
    });
  }
  return world;
}

export function nodeReach(world: NetworkWorld, from: Endpoint, to: Endpoint, protocol: Protocol, port: number): Reachability {
  return canReach(world, from, to, { protocol, port });
}
