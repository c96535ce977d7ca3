/** Helpers the EC2 providers share: tags on create, tag updates, security group rules. */
import { AwsError } from '../../../protocol/errors';
import { allTags, clean, num, objList, str, tagList, type Json, type JsonObject, type ResourceCtx, type ResourceProvider, type Tag } from '../../../core/resource-provider';

export { allTags };

export const tagSpec = (rc: ResourceCtx, resourceType: string, props: JsonObject) => {
  const tags = allTags(rc, props);
  return tags.length ? [{ ResourceType: resourceType, Tags: tags }] : undefined;
};

const reservedTagError = (e: unknown) => e instanceof AwsError && /reserved for internal use/.test(e.message);

/**
 * An EC2 create with TagSpecifications. CloudFormation may set `aws:` tags; should EC2 refuse them
 * from CloudFormation too, the call is repeated without them rather than failing the resource.
 */
export async function ec2Create(rc: ResourceCtx, op: string, input: Record<string, unknown>): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    return await rc.call('ec2', op, clean(input));
  } catch (e) {
    if (!reservedTagError(e) || !Array.isArray(input.TagSpecifications)) throw e;
    const specs = (input.TagSpecifications as { ResourceType: string; Tags: Tag[] }[]).map((s) => ({
      ...s,
      Tags: s.Tags.filter((t) => !t.Key.toLowerCase().startsWith('aws:')),
    }));
    return rc.call('ec2', op, clean({ ...input, TagSpecifications: specs.filter((s) => s.Tags.length) }));
  }
}

/** Tags changed on update: CreateTags for new/changed, DeleteTags for removed. */
export async function updateTags(rc: ResourceCtx, resourceId: string, props: JsonObject, old: JsonObject): Promise<void> {
  const now = tagList(props.Tags);
  const before = tagList(old.Tags);
  const removed = before.filter((b) => !now.some((n) => n.Key === b.Key));
  const changed = now.filter((n) => !before.some((b) => b.Key === n.Key && b.Value === n.Value));
  if (removed.length) await rc.call('ec2', 'DeleteTags', { Resources: [resourceId], Tags: removed.map((t) => ({ Key: t.Key })) });
  if (changed.length) await rc.call('ec2', 'CreateTags', { Resources: [resourceId], Tags: changed });
}

/** A template rule (SecurityGroupIngress/Egress item or the standalone resources) → an IpPermission. */
export function ipPermission(rule: JsonObject, egress: boolean): Record<string, unknown> {
  const proto = str(rule.IpProtocol) ?? '-1';
  const all = proto === '-1' || proto === 'all';
  const peerGroup = str(egress ? rule.DestinationSecurityGroupId : rule.SourceSecurityGroupId);
  const peerName = egress ? undefined : str(rule.SourceSecurityGroupName);
  return clean({
    IpProtocol: proto,
    FromPort: all ? undefined : num(rule.FromPort),
    ToPort: all ? undefined : num(rule.ToPort),
    IpRanges: rule.CidrIp !== undefined ? [clean({ CidrIp: str(rule.CidrIp), Description: str(rule.Description) })] : undefined,
    Ipv6Ranges: rule.CidrIpv6 !== undefined ? [clean({ CidrIpv6: str(rule.CidrIpv6), Description: str(rule.Description) })] : undefined,
    PrefixListIds:
      (rule.SourcePrefixListId ?? rule.DestinationPrefixListId) !== undefined
        ? [{ PrefixListId: str(rule.SourcePrefixListId ?? rule.DestinationPrefixListId) }]
        : undefined,
    UserIdGroupPairs:
      peerGroup !== undefined || peerName !== undefined
        ? [clean({ GroupId: peerGroup, GroupName: peerName, UserId: str(rule.SourceSecurityGroupOwnerId), Description: str(rule.Description) })]
        : undefined,
  });
}

export const rulesOf = (v: Json | undefined, egress: boolean) => objList(v).map((r) => ipPermission(r, egress));

const key = (p: Record<string, unknown>) => JSON.stringify(p);

export function diffRules(now: Record<string, unknown>[], before: Record<string, unknown>[]) {
  const b = new Set(before.map(key));
  const n = new Set(now.map(key));
  return { added: now.filter((p) => !b.has(key(p))), removed: before.filter((p) => !n.has(key(p))) };
}

/** EC2 id prefixes of the resource types CloudFormation tags on create. */
const ID_PREFIX: Record<string, string> = {
  'AWS::EC2::Instance': 'i-',
  'AWS::EC2::SecurityGroup': 'sg-',
  'AWS::EC2::VPC': 'vpc-',
  'AWS::EC2::Subnet': 'subnet-',
  'AWS::EC2::InternetGateway': 'igw-',
  'AWS::EC2::RouteTable': 'rtb-',
  'AWS::EC2::NetworkAcl': 'acl-',
  'AWS::EC2::NatGateway': 'nat-',
  'AWS::EC2::NetworkInterface': 'eni-',
  'AWS::EC2::Volume': 'vol-',
  'AWS::EC2::EIP': 'eipalloc-',
};

/** Gives each tagged EC2 type a `find` by its aws:cloudformation:stack-id and logical-id tags. */
export function withTagFind(providers: Record<string, ResourceProvider>): Record<string, ResourceProvider> {
  for (const [type, p] of Object.entries(providers)) {
    const prefix = ID_PREFIX[type];
    if (!prefix || p.find) continue;
    p.find = async (rc) => {
      const tagged = async (key: string, value: string) => {
        const out = await rc.call('ec2', 'DescribeTags', { Filters: [{ Name: 'key', Values: [key] }, { Name: 'value', Values: [value] }], MaxResults: 1000 });
        return new Set(((out.Tags ?? []) as { ResourceId: string }[]).map((t) => t.ResourceId).filter((id) => id.startsWith(prefix)));
      };
      const inStack = await tagged('aws:cloudformation:stack-id', rc.stackId);
      const mine = [...(await tagged('aws:cloudformation:logical-id', rc.logicalId))].filter((id) => inStack.has(id));
      return mine[0];
    };
  }
  return providers;
}
