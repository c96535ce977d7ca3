/**
 * Public addresses mapped into a VPC: AWS-assigned instance addresses and associated Elastic IPs
 * (including the ones NAT gateways hold).
 *
 *   vpcHasPublicAddresses(ctx, vpcId): boolean
 */
import type { Ctx } from '../../../core/provider';

export function vpcHasPublicAddresses(ctx: Ctx, vpcId: string): boolean {
  const auto = ctx.store
    .stmt('SELECT 1 FROM ec2_network_interfaces WHERE account_id = ? AND region = ? AND vpc_id = ? AND public_ip IS NOT NULL LIMIT 1')
    .get(ctx.accountId, ctx.region, vpcId);
  if (auto) return true;
  const eip = ctx.store
    .stmt(
      `SELECT 1 FROM ec2_addresses a JOIN ec2_network_interfaces e ON e.eni_id = a.network_interface_id
       WHERE a.account_id = ? AND a.region = ? AND e.vpc_id = ? LIMIT 1`,
    )
    .get(ctx.accountId, ctx.region, vpcId);
  return eip !== undefined;
}
