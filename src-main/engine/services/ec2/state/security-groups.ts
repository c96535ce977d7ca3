/**
 * Security groups: ec2_security_groups and ec2_security_group_rules (one row per rule and source,
 * as DescribeSecurityGroupRules shows them; DescribeSecurityGroups regroups them into
 * IpPermissions by protocol and ports).
 *
 *   findGroup(ctx, id) / getGroup(ctx, id)        (InvalidGroupId.Malformed / InvalidGroup.NotFound)
 *   findGroupByName(ctx, vpcId, name)
 *   listGroups(ctx): GroupRow[]
 *   defaultGroup(ctx, vpcId): GroupRow | undefined
 *   createGroup(ctx, {vpcId, name, description, isDefault}): GroupRow   (+ the all-egress rule)
 *   createDefaultSecurityGroup(ctx, vpcId): GroupRow
 *   rulesOf(ctx, groupId, egress?): RuleRow[]
 *   groupsInUse(ctx, groupId): 'eni' | 'rule' | undefined
 *   resolveSecurityGroups(ctx, vpcId, {ids?, names?}, defaultVpcId?): string[]  (for RunInstances)
 */
import type { Ctx } from '../../../core/provider';
import { invalidGroupIdMalformed, invalidGroupNotFound, invalidSecurityGroupRuleIdNotFound } from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import { registerTaggable } from './tags';

export interface GroupRow {
  group_id: string;
  group_name: string;
  description: string;
  vpc_id: string;
  is_default: number;
}

export interface RuleRow {
  rule_id: string;
  group_id: string;
  is_egress: number;
  ip_protocol: string;
  from_port: number | null;
  to_port: number | null;
  cidr_ipv4: string | null;
  cidr_ipv6: string | null;
  prefix_list_id: string | null;
  referenced_group_id: string | null;
  referenced_user_id: string | null;
  description: string | null;
}

const GROUP = 'group_id, group_name, description, vpc_id, is_default';
const RULE = `rule_id, group_id, is_egress, ip_protocol, from_port, to_port, cidr_ipv4, cidr_ipv6, prefix_list_id,
  referenced_group_id, referenced_user_id, description`;

export function findGroup(ctx: Ctx, id: string): GroupRow | undefined {
  return ctx.store
    .stmt(`SELECT ${GROUP} FROM ec2_security_groups WHERE account_id = ? AND region = ? AND group_id = ?`)
    .get(ctx.accountId, ctx.region, id) as GroupRow | undefined;
}

export function checkGroupId(id: string): void {
  if (!isWellFormedId('sg', id)) throw invalidGroupIdMalformed(id);
}

export function getGroup(ctx: Ctx, id: string): GroupRow {
  checkGroupId(id);
  const row = findGroup(ctx, id);
  if (!row) throw invalidGroupNotFound(id);
  return row;
}

export function findGroupByName(ctx: Ctx, vpcId: string, name: string): GroupRow | undefined {
  return ctx.store
    .stmt(`SELECT ${GROUP} FROM ec2_security_groups WHERE account_id = ? AND region = ? AND vpc_id = ? AND group_name = ?`)
    .get(ctx.accountId, ctx.region, vpcId, name) as GroupRow | undefined;
}

export function listGroups(ctx: Ctx): GroupRow[] {
  return ctx.store
    .stmt(`SELECT ${GROUP} FROM ec2_security_groups WHERE account_id = ? AND region = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region) as GroupRow[];
}

export function listGroupsOfVpc(ctx: Ctx, vpcId: string): GroupRow[] {
  return listGroups(ctx).filter((g) => g.vpc_id === vpcId);
}

export function defaultGroup(ctx: Ctx, vpcId: string): GroupRow | undefined {
  return ctx.store
    .stmt(`SELECT ${GROUP} FROM ec2_security_groups WHERE account_id = ? AND region = ? AND vpc_id = ? AND is_default = 1`)
    .get(ctx.accountId, ctx.region, vpcId) as GroupRow | undefined;
}

export function createGroup(ctx: Ctx, opts: { vpcId: string; name: string; description: string; isDefault: boolean }): GroupRow {
  const row: GroupRow = {
    group_id: ec2Id('sg'),
    group_name: opts.name,
    description: opts.description,
    vpc_id: opts.vpcId,
    is_default: opts.isDefault ? 1 : 0,
  };
  ctx.store
    .stmt(
      `INSERT INTO ec2_security_groups (account_id, region, ${GROUP}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(ctx.accountId, ctx.region, row.group_id, row.group_name, row.description, row.vpc_id, row.is_default, ctx.clock.now());
  // Every VPC group starts with "all traffic out to anywhere".
  insertRule(ctx, { ...emptyRule(row.group_id, true), ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' });
  return row;
}

export function createDefaultSecurityGroup(ctx: Ctx, vpcId: string): GroupRow {
  const g = createGroup(ctx, { vpcId, name: 'default', description: 'default VPC security group', isDefault: true });
  // ...and the default group lets its own members talk to each other.
  insertRule(ctx, { ...emptyRule(g.group_id, false), ip_protocol: '-1', referenced_group_id: g.group_id, referenced_user_id: ctx.accountId });
  return g;
}

export function deleteGroupRow(ctx: Ctx, groupId: string): void {
  ctx.store.stmt('DELETE FROM ec2_security_group_rules WHERE account_id = ? AND region = ? AND group_id = ?').run(ctx.accountId, ctx.region, groupId);
  ctx.store.stmt('DELETE FROM ec2_security_groups WHERE account_id = ? AND region = ? AND group_id = ?').run(ctx.accountId, ctx.region, groupId);
}

export const emptyRule = (groupId: string, egress: boolean): RuleRow => ({
  rule_id: '',
  group_id: groupId,
  is_egress: egress ? 1 : 0,
  ip_protocol: '-1',
  from_port: null,
  to_port: null,
  cidr_ipv4: null,
  cidr_ipv6: null,
  prefix_list_id: null,
  referenced_group_id: null,
  referenced_user_id: null,
  description: null,
});

export function insertRule(ctx: Ctx, r: RuleRow): RuleRow {
  const row = { ...r, rule_id: r.rule_id || ec2Id('sgr') };
  ctx.store
    .stmt(
      `INSERT INTO ec2_security_group_rules (account_id, region, ${RULE}) VALUES (@account_id, @region, @rule_id, @group_id, @is_egress,
        @ip_protocol, @from_port, @to_port, @cidr_ipv4, @cidr_ipv6, @prefix_list_id, @referenced_group_id, @referenced_user_id, @description)`,
    )
    .run({ account_id: ctx.accountId, region: ctx.region, ...row });
  return row;
}

export function deleteRule(ctx: Ctx, ruleId: string): void {
  ctx.store.stmt('DELETE FROM ec2_security_group_rules WHERE account_id = ? AND region = ? AND rule_id = ?').run(ctx.accountId, ctx.region, ruleId);
}

export function updateRuleDescription(ctx: Ctx, ruleId: string, description: string | null): void {
  ctx.store
    .stmt('UPDATE ec2_security_group_rules SET description = ? WHERE account_id = ? AND region = ? AND rule_id = ?')
    .run(description, ctx.accountId, ctx.region, ruleId);
}

export function rulesOf(ctx: Ctx, groupId: string, egress?: boolean): RuleRow[] {
  const rows = ctx.store
    .stmt(`SELECT ${RULE} FROM ec2_security_group_rules WHERE account_id = ? AND region = ? AND group_id = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region, groupId) as RuleRow[];
  return egress === undefined ? rows : rows.filter((r) => (r.is_egress === 1) === egress);
}

export function allRules(ctx: Ctx): RuleRow[] {
  return ctx.store
    .stmt(`SELECT ${RULE} FROM ec2_security_group_rules WHERE account_id = ? AND region = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region) as RuleRow[];
}

export function findRule(ctx: Ctx, ruleId: string): RuleRow | undefined {
  return ctx.store
    .stmt(`SELECT ${RULE} FROM ec2_security_group_rules WHERE account_id = ? AND region = ? AND rule_id = ?`)
    .get(ctx.accountId, ctx.region, ruleId) as RuleRow | undefined;
}

/** Same protocol, ports and source: what AWS calls a duplicate rule. */
export function sameRule(a: RuleRow, b: RuleRow): boolean {
  return (
    a.group_id === b.group_id &&
    a.is_egress === b.is_egress &&
    a.ip_protocol === b.ip_protocol &&
    a.from_port === b.from_port &&
    a.to_port === b.to_port &&
    a.cidr_ipv4 === b.cidr_ipv4 &&
    a.cidr_ipv6 === b.cidr_ipv6 &&
    a.prefix_list_id === b.prefix_list_id &&
    a.referenced_group_id === b.referenced_group_id
  );
}

/** What still uses a group: an interface, or another group's rule. */
export function groupInUse(ctx: Ctx, groupId: string): 'eni' | 'rule' | undefined {
  const eni = ctx.store.stmt('SELECT 1 FROM ec2_eni_groups WHERE group_id = ? LIMIT 1').get(groupId);
  if (eni) return 'eni';
  const rule = ctx.store
    .stmt('SELECT 1 FROM ec2_security_group_rules WHERE account_id = ? AND region = ? AND referenced_group_id = ? AND group_id <> ? LIMIT 1')
    .get(ctx.accountId, ctx.region, groupId, groupId);
  return rule ? 'rule' : undefined;
}

registerTaggable({
  prefix: 'sg',
  resourceType: 'security-group',
  exists: (ctx, id) => findGroup(ctx, id) !== undefined,
  notFound: invalidGroupNotFound,
});

registerTaggable({
  prefix: 'sgr',
  resourceType: 'security-group-rule',
  exists: (ctx, id) => findRule(ctx, id) !== undefined,
  notFound: invalidSecurityGroupRuleIdNotFound,
});
