/**
 * The default VPC every AWS account has in every region, created on first use per account+region:
 * 172.31.0.0/16, one default /20 subnet per zone in zone order (172.31.0.0/20 in 'a',
 * 172.31.16.0/20 in 'b', ...) that gives instances public addresses, an attached internet gateway,
 * the main route table with local + 0.0.0.0/0 → igw, the default security group and the default
 * network ACL. Deleting it later does not bring it back (as in AWS, until CreateDefaultVpc).
 *
 *   ensureDefaultVpc(ctx): VpcRow | undefined   idempotent; undefined once the learner deleted it
 */
import type { Ctx } from '../../../core/provider';
import { formatIpv4, parseIpv4 } from '../../../network/cidr';
import { zonesOf } from '../zones';
import { createInternetGateway, setAttachment } from './internet-gateways';
import { insertRoute, mainRouteTable } from './route-tables';
import { createSubnet } from './subnets';
import { createVpc, defaultVpcRow, type VpcRow } from './vpcs';

export const DEFAULT_VPC_CIDR = '172.31.0.0/16';

export function ensureDefaultVpc(ctx: Ctx): VpcRow | undefined {
  const done = ctx.store.stmt('SELECT 1 FROM ec2_network_init WHERE account_id = ? AND region = ?').get(ctx.accountId, ctx.region);
  if (done) return defaultVpcRow(ctx);
  ctx.store
    .stmt('INSERT INTO ec2_network_init (account_id, region, initialized_at) VALUES (?, ?, ?)')
    .run(ctx.accountId, ctx.region, ctx.clock.now());
  return createDefaultVpc(ctx);
}

function createDefaultVpc(ctx: Ctx): VpcRow {
  const vpc = createVpc(ctx, { cidr: DEFAULT_VPC_CIDR, isDefault: true, tenancy: 'default' });
  const base = parseIpv4('172.31.0.0')!;
  zonesOf(ctx.region).forEach((zone, i) => {
    createSubnet(ctx, {
      vpcId: vpc.vpc_id,
      cidr: `${formatIpv4(base + i * 4096)}/20`,
      zoneName: zone.zoneName,
      zoneId: zone.zoneId,
      defaultForAz: true,
      mapPublicIp: true,
    });
  });
  const igw = createInternetGateway(ctx);
  setAttachment(ctx, igw.igw_id, vpc.vpc_id);
  const main = mainRouteTable(ctx, vpc.vpc_id)!;
  insertRoute(ctx, {
    rtb_id: main.rtb_id,
    destination_cidr: '0.0.0.0/0',
    gateway_id: igw.igw_id,
    nat_gateway_id: null,
    instance_id: null,
    network_interface_id: null,
    origin: 'CreateRoute',
  });
  return vpc;
}
