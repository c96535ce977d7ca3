/**
 * Network ACLs: ec2_network_acls, ec2_network_acl_entries, ec2_network_acl_associations. Every
 * subnet is associated with exactly one ACL (its VPC's default one until ReplaceNetworkAclAssociation).
 * Each direction ends with rule 32767, the `*` deny that cannot be changed.
 *
 *   findNetworkAcl(ctx, id) / getNetworkAcl(ctx, id)
 *   listNetworkAcls(ctx): AclRow[]
 *   createDefaultNetworkAcl(ctx, vpcId) / createNetworkAcl(ctx, vpcId, isDefault)
 *   entriesOf(ctx, aclId): AclEntryRow[]       ordered egress, rule number
 *   aclOfSubnet(ctx, subnetId): AclRow | undefined
 *   associateSubnetWithDefaultAcl(ctx, vpcId, subnetId)
 *   networkAclOutput(ctx, row, tags)
 */
import type { Ctx } from '../../../core/provider';
import { invalidNetworkAclIdMalformed, invalidNetworkAclIdNotFound } from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import { registerTaggable, tagOutput, type Tag } from './tags';

export interface AclRow {
  acl_id: string;
  vpc_id: string;
  is_default: number;
}

export interface AclEntryRow {
  acl_id: string;
  egress: number;
  rule_number: number;
  protocol: string;
  rule_action: 'allow' | 'deny';
  cidr_block: string | null;
  ipv6_cidr_block: string | null;
  icmp_type: number | null;
  icmp_code: number | null;
  port_from: number | null;
  port_to: number | null;
}

export const LAST_RULE = 32767;
const ENTRY = 'acl_id, egress, rule_number, protocol, rule_action, cidr_block, ipv6_cidr_block, icmp_type, icmp_code, port_from, port_to';

export function findNetworkAcl(ctx: Ctx, id: string): AclRow | undefined {
  return ctx.store
    .stmt('SELECT acl_id, vpc_id, is_default FROM ec2_network_acls WHERE account_id = ? AND region = ? AND acl_id = ?')
    .get(ctx.accountId, ctx.region, id) as AclRow | undefined;
}

export function getNetworkAcl(ctx: Ctx, id: string): AclRow {
  if (!isWellFormedId('acl', id)) throw invalidNetworkAclIdMalformed(id);
  const row = findNetworkAcl(ctx, id);
  if (!row) throw invalidNetworkAclIdNotFound(id);
  return row;
}

export function listNetworkAcls(ctx: Ctx): AclRow[] {
  return ctx.store
    .stmt('SELECT acl_id, vpc_id, is_default FROM ec2_network_acls WHERE account_id = ? AND region = ? ORDER BY id')
    .all(ctx.accountId, ctx.region) as AclRow[];
}

export function defaultNetworkAcl(ctx: Ctx, vpcId: string): AclRow | undefined {
  return ctx.store
    .stmt('SELECT acl_id, vpc_id, is_default FROM ec2_network_acls WHERE account_id = ? AND region = ? AND vpc_id = ? AND is_default = 1')
    .get(ctx.accountId, ctx.region, vpcId) as AclRow | undefined;
}

export function createNetworkAcl(ctx: Ctx, vpcId: string, isDefault: boolean): AclRow {
  const row: AclRow = { acl_id: ec2Id('acl'), vpc_id: vpcId, is_default: isDefault ? 1 : 0 };
  ctx.store
    .stmt('INSERT INTO ec2_network_acls (account_id, region, acl_id, vpc_id, is_default, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, row.acl_id, vpcId, row.is_default, ctx.clock.now());
  for (const egress of [0, 1]) {
    // The default ACL lets everything through (rule 100); a new ACL denies everything until you add rules.
    if (isDefault) insertEntry(ctx, { ...allTraffic(row.acl_id, egress), rule_number: 100, rule_action: 'allow' });
    insertEntry(ctx, { ...allTraffic(row.acl_id, egress), rule_number: LAST_RULE, rule_action: 'deny' });
  }
  return row;
}

const allTraffic = (aclId: string, egress: number): Omit<AclEntryRow, 'rule_number' | 'rule_action'> => ({
  acl_id: aclId,
  egress,
  protocol: '-1',
  cidr_block: '0.0.0.0/0',
  ipv6_cidr_block: null,
  icmp_type: null,
  icmp_code: null,
  port_from: null,
  port_to: null,
});

export const createDefaultNetworkAcl = (ctx: Ctx, vpcId: string): AclRow => createNetworkAcl(ctx, vpcId, true);

export function deleteNetworkAclRow(ctx: Ctx, aclId: string): void {
  ctx.store.stmt('DELETE FROM ec2_network_acl_entries WHERE account_id = ? AND region = ? AND acl_id = ?').run(ctx.accountId, ctx.region, aclId);
  ctx.store.stmt('DELETE FROM ec2_network_acls WHERE account_id = ? AND region = ? AND acl_id = ?').run(ctx.accountId, ctx.region, aclId);
}

export function entriesOf(ctx: Ctx, aclId: string): AclEntryRow[] {
  return ctx.store
    .stmt(`SELECT ${ENTRY} FROM ec2_network_acl_entries WHERE account_id = ? AND region = ? AND acl_id = ? ORDER BY egress, rule_number`)
    .all(ctx.accountId, ctx.region, aclId) as AclEntryRow[];
}

export function findEntry(ctx: Ctx, aclId: string, egress: boolean, ruleNumber: number): AclEntryRow | undefined {
  return ctx.store
    .stmt(`SELECT ${ENTRY} FROM ec2_network_acl_entries WHERE account_id = ? AND region = ? AND acl_id = ? AND egress = ? AND rule_number = ?`)
    .get(ctx.accountId, ctx.region, aclId, egress ? 1 : 0, ruleNumber) as AclEntryRow | undefined;
}

export function insertEntry(ctx: Ctx, e: AclEntryRow): void {
  ctx.store
    .stmt(
      `INSERT OR REPLACE INTO ec2_network_acl_entries (account_id, region, ${ENTRY}) VALUES (@account_id, @region, @acl_id, @egress,
        @rule_number, @protocol, @rule_action, @cidr_block, @ipv6_cidr_block, @icmp_type, @icmp_code, @port_from, @port_to)`,
    )
    .run({ account_id: ctx.accountId, region: ctx.region, ...e });
}

export function deleteEntry(ctx: Ctx, aclId: string, egress: boolean, ruleNumber: number): void {
  ctx.store
    .stmt('DELETE FROM ec2_network_acl_entries WHERE account_id = ? AND region = ? AND acl_id = ? AND egress = ? AND rule_number = ?')
    .run(ctx.accountId, ctx.region, aclId, egress ? 1 : 0, ruleNumber);
}

export interface AclAssociationRow {
  assoc_id: string;
  acl_id: string;
  subnet_id: string;
}

export function aclAssociationsOf(ctx: Ctx, aclId: string): AclAssociationRow[] {
  return ctx.store
    .stmt('SELECT assoc_id, acl_id, subnet_id FROM ec2_network_acl_associations WHERE account_id = ? AND region = ? AND acl_id = ? ORDER BY id')
    .all(ctx.accountId, ctx.region, aclId) as AclAssociationRow[];
}

export function findAclAssociation(ctx: Ctx, assocId: string): AclAssociationRow | undefined {
  return ctx.store
    .stmt('SELECT assoc_id, acl_id, subnet_id FROM ec2_network_acl_associations WHERE account_id = ? AND region = ? AND assoc_id = ?')
    .get(ctx.accountId, ctx.region, assocId) as AclAssociationRow | undefined;
}

export function aclOfSubnet(ctx: Ctx, subnetId: string): AclRow | undefined {
  const a = ctx.store
    .stmt('SELECT acl_id FROM ec2_network_acl_associations WHERE account_id = ? AND region = ? AND subnet_id = ?')
    .get(ctx.accountId, ctx.region, subnetId) as { acl_id: string } | undefined;
  return a ? findNetworkAcl(ctx, a.acl_id) : undefined;
}

export function associateSubnetWithAcl(ctx: Ctx, aclId: string, subnetId: string): string {
  const assocId = ec2Id('aclassoc');
  ctx.store
    .stmt('DELETE FROM ec2_network_acl_associations WHERE account_id = ? AND region = ? AND subnet_id = ?')
    .run(ctx.accountId, ctx.region, subnetId);
  ctx.store
    .stmt('INSERT INTO ec2_network_acl_associations (account_id, region, assoc_id, acl_id, subnet_id) VALUES (?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, assocId, aclId, subnetId);
  return assocId;
}

export function associateSubnetWithDefaultAcl(ctx: Ctx, vpcId: string, subnetId: string): void {
  const acl = defaultNetworkAcl(ctx, vpcId);
  if (acl) associateSubnetWithAcl(ctx, acl.acl_id, subnetId);
}

const PROTOCOL_NAMES: Record<string, string> = { '-1': 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };
export const aclProtocolName = (p: string): string => PROTOCOL_NAMES[p] ?? p;

export function aclEntryOutput(e: AclEntryRow) {
  return {
    CidrBlock: e.cidr_block ?? undefined,
    Ipv6CidrBlock: e.ipv6_cidr_block ?? undefined,
    Egress: e.egress === 1,
    IcmpTypeCode: e.icmp_type !== null ? { Code: e.icmp_code ?? -1, Type: e.icmp_type } : undefined,
    PortRange: e.port_from !== null ? { From: e.port_from, To: e.port_to ?? e.port_from } : undefined,
    Protocol: e.protocol,
    RuleAction: e.rule_action,
    RuleNumber: e.rule_number,
  };
}

export function networkAclOutput(ctx: Ctx, a: AclRow, tags: readonly Tag[]) {
  const entries = entriesOf(ctx, a.acl_id);
  // AWS lists egress entries first, each direction by rule number.
  const ordered = [...entries.filter((e) => e.egress === 1), ...entries.filter((e) => e.egress === 0)];
  return {
    Associations: aclAssociationsOf(ctx, a.acl_id).map((x) => ({
      NetworkAclAssociationId: x.assoc_id,
      NetworkAclId: x.acl_id,
      SubnetId: x.subnet_id,
    })),
    Entries: ordered.map(aclEntryOutput),
    IsDefault: a.is_default === 1,
    NetworkAclId: a.acl_id,
    Tags: tagOutput(tags) ?? [],
    VpcId: a.vpc_id,
    OwnerId: ctx.accountId,
  };
}

registerTaggable({
  prefix: 'acl',
  resourceType: 'network-acl',
  exists: (ctx, id) => findNetworkAcl(ctx, id) !== undefined,
  notFound: invalidNetworkAclIdNotFound,
});
