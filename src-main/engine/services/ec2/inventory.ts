/**
 * What chapter clean-up lists of EC2 (labs/inventory.ts runs it). The account's defaults are never
 * listed: the default VPC with its default subnets, internet gateway, main route table and default
 * network ACL, every VPC's default security group. An instance's primary network interface and a
 * NAT gateway's interface go with their owner.
 */
import { arr, inventoryItem, type Obj, type InventoryKind, type InventoryReader } from '../../core/inventory';

async function defaultVpcIds(ctx: InventoryReader, region: string): Promise<Set<string>> {
  const out = await ctx.aws('ec2', 'DescribeVpcs', {}, region);
  return new Set(arr(out.Vpcs).filter((v) => v.IsDefault === true).map((v) => String(v.VpcId)));
}

export const ec2Inventory: readonly InventoryKind[] = [
  {
    operation: 'DescribeInstances',
    list: async (ctx, region) => {
      const out = await ctx.aws('ec2', 'DescribeInstances', {}, region);
      return arr(out.Reservations)
        .flatMap((r) => arr(r.Instances))
        .filter((i) => (i.State as Obj | undefined)?.Name !== 'terminated')
        .map((i) => inventoryItem(`ec2:${region}:instance:${String(i.InstanceId)}`, `instance ${String(i.InstanceId)} (${String((i.State as Obj).Name)}) in ${region}`));
    },
  },
  {
    operation: 'DescribeSecurityGroups',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeSecurityGroups', {}, region)).SecurityGroups)
        .filter((g) => g.GroupName !== 'default')
        .map((g) => inventoryItem(`ec2:${region}:security-group:${String(g.GroupName)}`, `security group ${String(g.GroupName)} (${String(g.GroupId)}) in ${region}`)),
  },
  {
    operation: 'DescribeKeyPairs',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeKeyPairs', {}, region)).KeyPairs).map((k) =>
        inventoryItem(`ec2:${region}:key-pair:${String(k.KeyName)}`, `key pair ${String(k.KeyName)} in ${region}`),
      ),
  },
  {
    operation: 'DescribeVolumes',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeVolumes', {}, region)).Volumes)
        .filter((v) => arr(v.Attachments).length === 0)
        .map((v) => inventoryItem(`ec2:${region}:volume:${String(v.VolumeId)}`, `unattached volume ${String(v.VolumeId)} in ${region}`)),
  },
  {
    operation: 'DescribeSnapshots',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeSnapshots', { OwnerIds: ['self'] }, region)).Snapshots).map((s) =>
        inventoryItem(`ec2:${region}:snapshot:${String(s.SnapshotId)}`, `snapshot ${String(s.SnapshotId)} in ${region}`),
      ),
  },
  {
    operation: 'DescribeAddresses',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeAddresses', {}, region)).Addresses).map((a) =>
        inventoryItem(`ec2:${region}:address:${String(a.AllocationId ?? a.PublicIp)}`, `Elastic IP ${String(a.PublicIp)} in ${region}`),
      ),
  },
  {
    operation: 'DescribeNetworkInterfaces',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeNetworkInterfaces', {}, region)).NetworkInterfaces)
        // A live instance's primary interface goes with the instance; a NAT gateway's with the gateway.
        .filter((n) => {
          const att = n.Attachment as Obj | undefined;
          if (n.InterfaceType === 'nat_gateway') return false;
          return !(att && Number(att.DeviceIndex) === 0);
        })
        .map((n) => inventoryItem(`ec2:${region}:network-interface:${String(n.NetworkInterfaceId)}`, `network interface ${String(n.NetworkInterfaceId)} in ${region}`)),
  },
  {
    operation: 'DescribeVpcs',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeVpcs', {}, region)).Vpcs)
        .filter((v) => v.IsDefault !== true)
        .map((v) => inventoryItem(`ec2:${region}:vpc:${String(v.VpcId)}`, `VPC ${String(v.VpcId)} (${String(v.CidrBlock)}) in ${region}`)),
  },
  {
    operation: 'DescribeSubnets',
    list: async (ctx, region) => {
      const defaults = await defaultVpcIds(ctx, region);
      return arr((await ctx.aws('ec2', 'DescribeSubnets', {}, region)).Subnets)
        .filter((s) => !(defaults.has(String(s.VpcId)) && s.DefaultForAz === true))
        .map((s) => inventoryItem(`ec2:${region}:subnet:${String(s.SubnetId)}`, `subnet ${String(s.SubnetId)} (${String(s.CidrBlock)}) in ${region}`));
    },
  },
  {
    operation: 'DescribeInternetGateways',
    list: async (ctx, region) => {
      const defaults = await defaultVpcIds(ctx, region);
      return arr((await ctx.aws('ec2', 'DescribeInternetGateways', {}, region)).InternetGateways)
        .filter((g) => !arr(g.Attachments).some((a) => defaults.has(String(a.VpcId))))
        .map((g) => inventoryItem(`ec2:${region}:internet-gateway:${String(g.InternetGatewayId)}`, `internet gateway ${String(g.InternetGatewayId)} in ${region}`));
    },
  },
  {
    operation: 'DescribeRouteTables',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeRouteTables', {}, region)).RouteTables)
        .filter((t) => !arr(t.Associations).some((a) => a.Main === true))
        .map((t) => inventoryItem(`ec2:${region}:route-table:${String(t.RouteTableId)}`, `route table ${String(t.RouteTableId)} in ${region}`)),
  },
  {
    operation: 'DescribeNetworkAcls',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeNetworkAcls', {}, region)).NetworkAcls)
        .filter((n) => n.IsDefault !== true)
        .map((n) => inventoryItem(`ec2:${region}:network-acl:${String(n.NetworkAclId)}`, `network ACL ${String(n.NetworkAclId)} in ${region}`)),
  },
  {
    operation: 'DescribeNatGateways',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeNatGateways', {}, region)).NatGateways)
        .filter((n) => n.State !== 'deleted')
        .map((n) => inventoryItem(`ec2:${region}:nat-gateway:${String(n.NatGatewayId)}`, `NAT gateway ${String(n.NatGatewayId)} (${String(n.State)}) in ${region}`)),
  },
  {
    operation: 'DescribeSpotInstanceRequests',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeSpotInstanceRequests', {}, region)).SpotInstanceRequests)
        .filter((r) => r.State === 'open' || r.State === 'active')
        .map((r) => inventoryItem(`ec2:${region}:spot-request:${String(r.SpotInstanceRequestId)}`, `spot request ${String(r.SpotInstanceRequestId)} (${String(r.State)}) in ${region}`)),
  },
];
