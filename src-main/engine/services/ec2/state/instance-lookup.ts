/**
 * What the network half needs to know about instances, read from the compute half's ec2_instances
 * table (migrations-compute.ts). Kept in one small file so the compute half can replace the query
 * with a call into state/instances.ts without touching the network code.
 *
 *   instanceInfo(ctx, instanceId): { instanceId, state, subnetId, vpcId } | undefined
 *   instanceStates(ctx): Map<instanceId, state>
 */
import type { Ctx } from '../../../core/provider';

export interface InstanceInfo {
  instanceId: string;
  state: string;
  subnetId: string;
  vpcId: string;
}

export function instanceInfo(ctx: Ctx, instanceId: string): InstanceInfo | undefined {
  const row = ctx.store
    .stmt('SELECT instance_id, state, subnet_id, vpc_id FROM ec2_instances WHERE account_id = ? AND region = ? AND instance_id = ?')
    .get(ctx.accountId, ctx.region, instanceId) as { instance_id: string; state: string; subnet_id: string; vpc_id: string } | undefined;
  return row ? { instanceId: row.instance_id, state: row.state, subnetId: row.subnet_id, vpcId: row.vpc_id } : undefined;
}

export function instanceStates(ctx: Ctx): Map<string, string> {
  const rows = ctx.store
    .stmt('SELECT instance_id, state FROM ec2_instances WHERE account_id = ? AND region = ?')
    .all(ctx.accountId, ctx.region) as { instance_id: string; state: string }[];
  return new Map(rows.map((r) => [r.instance_id, r.state]));
}
