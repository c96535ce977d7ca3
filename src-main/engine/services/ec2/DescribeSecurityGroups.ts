import type { Ctx } from '../../core/provider';
import { selectByIds } from './describe';
import { checkDryRun } from './dry-run';
import { invalidGroupNotFound, invalidGroupNotFoundInDefaultVpc, vpcIdNotSpecified } from './errors';
import { applyFilters, type FilterTable } from './filters';
import { paginate } from './pagination';
import { securityGroupOutput } from './security-group-views';
import { allRules, checkGroupId, listGroups, type GroupRow, type RuleRow } from './state/security-groups';
import { tagsByResource, type Tag } from './state/tags';
import { defaultVpcRow } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

type Row = GroupRow & { tags: Tag[]; ownerId: string; ingress: RuleRow[]; egress: RuleRow[] };

const permissionFilters = (prefix: string, rules: (g: Row) => RuleRow[]): FilterTable<Row> => ({
  [`${prefix}ip-permission.cidr`]: (g) => rules(g).map((r) => r.cidr_ipv4),
  [`${prefix}ip-permission.from-port`]: (g) => rules(g).map((r) => r.from_port),
  [`${prefix}ip-permission.to-port`]: (g) => rules(g).map((r) => r.to_port),
  [`${prefix}ip-permission.protocol`]: (g) => rules(g).map((r) => r.ip_protocol),
  [`${prefix}ip-permission.group-id`]: (g) => rules(g).map((r) => r.referenced_group_id),
  [`${prefix}ip-permission.user-id`]: (g) => rules(g).map((r) => r.referenced_user_id),
  [`${prefix}ip-permission.ipv6-cidr`]: (g) => rules(g).map((r) => r.cidr_ipv6),
  [`${prefix}ip-permission.prefix-list-id`]: (g) => rules(g).map((r) => r.prefix_list_id),
});

const GROUP_FILTERS: FilterTable<Row> = {
  description: (g) => g.description,
  'group-id': (g) => g.group_id,
  'group-name': (g) => g.group_name,
  'owner-id': (g) => g.ownerId,
  'vpc-id': (g) => g.vpc_id,
  ...permissionFilters('', (g) => g.ingress),
  ...permissionFilters('egress.', (g) => g.egress),
};

export function DescribeSecurityGroups(ctx: Ctx, input: Ec2Input<'DescribeSecurityGroups'>): Ec2Output<'DescribeSecurityGroups'> {
  const groups = listGroups(ctx);
  const tags = tagsByResource(ctx, groups.map((g) => g.group_id));
  const rules = allRules(ctx);
  const rows: Row[] = groups.map((g) => ({
    ...g,
    tags: tags.get(g.group_id) ?? [],
    ownerId: ctx.accountId,
    ingress: rules.filter((r) => r.group_id === g.group_id && r.is_egress === 0),
    egress: rules.filter((r) => r.group_id === g.group_id && r.is_egress === 1),
  }));
  let selected = selectByIds(rows, { ids: input.GroupIds, idOf: (g) => g.group_id, check: checkGroupId, notFound: invalidGroupNotFound });
  if (input.GroupNames && input.GroupNames.length > 0) {
    // Names are looked up in the default VPC, as EC2 does.
    const vpc = defaultVpcRow(ctx);
    if (!vpc) throw vpcIdNotSpecified();
    const inDefault = selected.filter((g) => g.vpc_id === vpc.vpc_id);
    const missing = input.GroupNames.find((n) => !inDefault.some((g) => g.group_name === n));
    if (missing !== undefined) throw invalidGroupNotFoundInDefaultVpc(missing, vpc.vpc_id);
    selected = inDefault.filter((g) => input.GroupNames!.includes(g.group_name));
  }
  const filtered = applyFilters(selected, input.Filters, { table: GROUP_FILTERS, tags: (g) => g.tags });
  const { page, nextToken } = paginate(filtered, input, { operation: 'DescribeSecurityGroups', idsParam: 'groupIds', ids: input.GroupIds });
  checkDryRun(input);
  return { SecurityGroups: page.map((g) => securityGroupOutput(ctx, g, g.tags)), NextToken: nextToken };
}
