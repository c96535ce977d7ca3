/**
 * What the learner has in the cloud beyond the account's defaults, as a flat list of keys
 * (`ec2:us-east-1:instance:i-0abc…`). The solver compares it before a chapter and after its cleanup.
 *
 * The account's defaults (never listed): in every region the default VPC with its default subnets,
 * its internet gateway, its main route table and default network ACL, the default security group
 * of every VPC, and the DHCP options; the root user itself and AWS-managed IAM policies and
 * service-linked roles. Resources AWS deletes together with their owner (an instance's primary
 * network interface and root volume while the instance lives) are listed with their owner only.
 *
 * Kinds whose List/Describe operation the lab does not implement yet cannot be inventoried; they are
 * returned in `unchecked` so a caller can say so instead of claiming a clean account.
 */
import { arr, str, type Obj } from './cloud';
import type { StepContext } from './types';

export interface InventoryItem {
  key: string;
  label: string;
}

export interface Inventory {
  items: InventoryItem[];
  /** service:Operation pairs the lab has no behaviour for, so their kinds were not looked at. */
  unchecked: string[];
}

type Lister = (ctx: StepContext, region: string) => Promise<InventoryItem[]>;

interface Kind {
  service: string;
  operation: string;
  global?: boolean;
  list: Lister;
}

const item = (key: string, label: string): InventoryItem => ({ key, label });

async function defaultVpcIds(ctx: StepContext, region: string): Promise<Set<string>> {
  const out = await ctx.aws('ec2', 'DescribeVpcs', {}, region);
  return new Set(arr(out.Vpcs).filter((v) => v.IsDefault === true).map((v) => String(v.VpcId)));
}

const KINDS: Kind[] = [
  {
    service: 'ec2',
    operation: 'DescribeInstances',
    list: async (ctx, region) => {
      const out = await ctx.aws('ec2', 'DescribeInstances', {}, region);
      return arr(out.Reservations)
        .flatMap((r) => arr(r.Instances))
        .filter((i) => (i.State as Obj | undefined)?.Name !== 'terminated')
        .map((i) => item(`ec2:${region}:instance:${String(i.InstanceId)}`, `instance ${String(i.InstanceId)} (${String((i.State as Obj).Name)}) in ${region}`));
    },
  },
  {
    service: 'ec2',
    operation: 'DescribeSecurityGroups',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeSecurityGroups', {}, region)).SecurityGroups)
        .filter((g) => g.GroupName !== 'default')
        .map((g) => item(`ec2:${region}:security-group:${String(g.GroupName)}`, `security group ${String(g.GroupName)} (${String(g.GroupId)}) in ${region}`)),
  },
  {
    service: 'ec2',
    operation: 'DescribeKeyPairs',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeKeyPairs', {}, region)).KeyPairs).map((k) =>
        item(`ec2:${region}:key-pair:${String(k.KeyName)}`, `key pair ${String(k.KeyName)} in ${region}`),
      ),
  },
  {
    service: 'ec2',
    operation: 'DescribeVolumes',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeVolumes', {}, region)).Volumes)
        .filter((v) => arr(v.Attachments).length === 0)
        .map((v) => item(`ec2:${region}:volume:${String(v.VolumeId)}`, `unattached volume ${String(v.VolumeId)} in ${region}`)),
  },
  {
    service: 'ec2',
    operation: 'DescribeSnapshots',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeSnapshots', { OwnerIds: ['self'] }, region)).Snapshots).map((s) =>
        item(`ec2:${region}:snapshot:${String(s.SnapshotId)}`, `snapshot ${String(s.SnapshotId)} in ${region}`),
      ),
  },
  {
    service: 'ec2',
    operation: 'DescribeAddresses',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeAddresses', {}, region)).Addresses).map((a) =>
        item(`ec2:${region}:address:${String(a.AllocationId ?? a.PublicIp)}`, `Elastic IP ${String(a.PublicIp)} in ${region}`),
      ),
  },
  {
    service: 'ec2',
    operation: 'DescribeNetworkInterfaces',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeNetworkInterfaces', {}, region)).NetworkInterfaces)
        // A live instance's primary interface goes with the instance; a NAT gateway's with the gateway.
        .filter((n) => {
          const att = n.Attachment as Obj | undefined;
          if (n.InterfaceType === 'nat_gateway') return false;
          return !(att && Number(att.DeviceIndex) === 0);
        })
        .map((n) => item(`ec2:${region}:network-interface:${String(n.NetworkInterfaceId)}`, `network interface ${String(n.NetworkInterfaceId)} in ${region}`)),
  },
  {
    service: 'ec2',
    operation: 'DescribeVpcs',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeVpcs', {}, region)).Vpcs)
        .filter((v) => v.IsDefault !== true)
        .map((v) => item(`ec2:${region}:vpc:${String(v.VpcId)}`, `VPC ${String(v.VpcId)} (${String(v.CidrBlock)}) in ${region}`)),
  },
  {
    service: 'ec2',
    operation: 'DescribeSubnets',
    list: async (ctx, region) => {
      const defaults = await defaultVpcIds(ctx, region);
      return arr((await ctx.aws('ec2', 'DescribeSubnets', {}, region)).Subnets)
        .filter((s) => !(defaults.has(String(s.VpcId)) && s.DefaultForAz === true))
        .map((s) => item(`ec2:${region}:subnet:${String(s.SubnetId)}`, `subnet ${String(s.SubnetId)} (${String(s.CidrBlock)}) in ${region}`));
    },
  },
  {
    service: 'ec2',
    operation: 'DescribeInternetGateways',
    list: async (ctx, region) => {
      const defaults = await defaultVpcIds(ctx, region);
      return arr((await ctx.aws('ec2', 'DescribeInternetGateways', {}, region)).InternetGateways)
        .filter((g) => !arr(g.Attachments).some((a) => defaults.has(String(a.VpcId))))
        .map((g) => item(`ec2:${region}:internet-gateway:${String(g.InternetGatewayId)}`, `internet gateway ${String(g.InternetGatewayId)} in ${region}`));
    },
  },
  {
    service: 'ec2',
    operation: 'DescribeRouteTables',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeRouteTables', {}, region)).RouteTables)
        .filter((t) => !arr(t.Associations).some((a) => a.Main === true))
        .map((t) => item(`ec2:${region}:route-table:${String(t.RouteTableId)}`, `route table ${String(t.RouteTableId)} in ${region}`)),
  },
  {
    service: 'ec2',
    operation: 'DescribeNetworkAcls',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeNetworkAcls', {}, region)).NetworkAcls)
        .filter((n) => n.IsDefault !== true)
        .map((n) => item(`ec2:${region}:network-acl:${String(n.NetworkAclId)}`, `network ACL ${String(n.NetworkAclId)} in ${region}`)),
  },
  {
    service: 'ec2',
    operation: 'DescribeNatGateways',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeNatGateways', {}, region)).NatGateways)
        .filter((n) => n.State !== 'deleted')
        .map((n) => item(`ec2:${region}:nat-gateway:${String(n.NatGatewayId)}`, `NAT gateway ${String(n.NatGatewayId)} (${String(n.State)}) in ${region}`)),
  },
  {
    service: 'ec2',
    operation: 'DescribeSpotInstanceRequests',
    list: async (ctx, region) =>
      arr((await ctx.aws('ec2', 'DescribeSpotInstanceRequests', {}, region)).SpotInstanceRequests)
        .filter((r) => r.State === 'open' || r.State === 'active')
        .map((r) => item(`ec2:${region}:spot-request:${String(r.SpotInstanceRequestId)}`, `spot request ${String(r.SpotInstanceRequestId)} (${String(r.State)}) in ${region}`)),
  },
  {
    service: 'cloudformation',
    operation: 'DescribeStacks',
    list: async (ctx, region) =>
      arr((await ctx.aws('cloudformation', 'DescribeStacks', {}, region)).Stacks)
        .filter((s) => s.StackStatus !== 'DELETE_COMPLETE')
        .map((s) => item(`cloudformation:${region}:stack:${String(s.StackName)}`, `stack ${String(s.StackName)} (${String(s.StackStatus)}) in ${region}`)),
  },
  {
    service: 'monitoring',
    operation: 'DescribeAlarms',
    list: async (ctx, region) =>
      arr((await ctx.aws('monitoring', 'DescribeAlarms', {}, region)).MetricAlarms).map((a) =>
        item(`cloudwatch:${region}:alarm:${String(a.AlarmName)}`, `alarm ${String(a.AlarmName)} in ${region}`),
      ),
  },
  {
    service: 'sns',
    operation: 'ListTopics',
    list: async (ctx, region) =>
      arr((await ctx.aws('sns', 'ListTopics', {}, region)).Topics).map((t) =>
        item(`sns:${region}:topic:${String(t.TopicArn).split(':').pop()}`, `SNS topic ${String(t.TopicArn)}`),
      ),
  },
  {
    service: 's3',
    operation: 'ListBuckets',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('s3', 'ListBuckets', {})).Buckets).map((b) => item(`s3::bucket:${String(b.Name)}`, `bucket ${String(b.Name)}`)),
  },
  {
    service: 'iam',
    operation: 'ListUsers',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListUsers', {})).Users).map((u) => item(`iam::user:${String(u.UserName)}`, `IAM user ${String(u.UserName)}`)),
  },
  {
    service: 'iam',
    operation: 'ListGroups',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListGroups', {})).Groups).map((g) => item(`iam::group:${String(g.GroupName)}`, `IAM group ${String(g.GroupName)}`)),
  },
  {
    service: 'iam',
    operation: 'ListRoles',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListRoles', {})).Roles)
        .filter((r) => !String(r.Path ?? '/').startsWith('/aws-service-role/'))
        .map((r) => item(`iam::role:${String(r.RoleName)}`, `IAM role ${String(r.RoleName)}`)),
  },
  {
    service: 'iam',
    operation: 'ListPolicies',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListPolicies', { Scope: 'Local' })).Policies).map((p) =>
        item(`iam::policy:${String(p.PolicyName)}`, `IAM policy ${String(p.PolicyName)}`),
      ),
  },
  {
    service: 'iam',
    operation: 'ListInstanceProfiles',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListInstanceProfiles', {})).InstanceProfiles).map((p) =>
        item(`iam::instance-profile:${String(p.InstanceProfileName)}`, `instance profile ${String(p.InstanceProfileName)}`),
      ),
  },
  {
    service: 'iam',
    operation: 'ListVirtualMFADevices',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('iam', 'ListVirtualMFADevices', {})).VirtualMFADevices).map((d) =>
        item(`iam::mfa-device:${String(d.SerialNumber).split('/').pop()}`, `virtual MFA device ${String(d.SerialNumber)}`),
      ),
  },
];

export async function takeInventory(ctx: StepContext, regions: string[]): Promise<Inventory> {
  const items: InventoryItem[] = [];
  const unchecked: string[] = [];
  for (const kind of KINDS) {
    if (!ctx.deps.hasOperation(kind.service, kind.operation)) {
      unchecked.push(`${kind.service}:${kind.operation}`);
      continue;
    }
    for (const region of kind.global ? ['us-east-1'] : regions) items.push(...(await kind.list(ctx, region)));
  }
  items.sort((a, b) => a.key.localeCompare(b.key));
  return { items, unchecked };
}

/** What `after` has that neither `before` nor the kept keys explain. */
export function leftovers(before: Inventory, after: Inventory, keeps: string[]): InventoryItem[] {
  const known = new Set([...before.items.map((i) => i.key), ...keeps]);
  return after.items.filter((i) => !known.has(i.key));
}

export const inventoryKey = (service: string, region: string, kind: string, id: string): string =>
  `${service}:${region}:${kind}:${id}`;

export { str };
