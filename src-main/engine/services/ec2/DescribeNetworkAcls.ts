import type { Ctx } from '../../core/provider';
import { selectAndFilter } from './describe';
import { checkDryRun } from './dry-run';
import { invalidNetworkAclIdMalformed, invalidNetworkAclIdNotFound } from './errors';
import type { FilterTable } from './filters';
import { isWellFormedId } from './ids';
import { paginate } from './pagination';
import { aclAssociationsOf, entriesOf, listNetworkAcls, networkAclOutput, type AclEntryRow, type AclRow } from './state/network-acls';
import { tagsByResource, type Tag } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

type Row = AclRow & { tags: Tag[]; ownerId: string; entries: AclEntryRow[]; assocs: ReturnType<typeof aclAssociationsOf> };

const ACL_FILTERS: FilterTable<Row> = {
  'association.association-id': (a) => a.assocs.map((x) => x.assoc_id),
  'association.network-acl-id': (a) => (a.assocs.length > 0 ? a.acl_id : undefined),
  'association.subnet-id': (a) => a.assocs.map((x) => x.subnet_id),
  default: (a) => a.is_default === 1,
  'entry.cidr': (a) => a.entries.map((e) => e.cidr_block),
  'entry.egress': (a) => a.entries.map((e) => e.egress === 1),
  'entry.icmp.code': (a) => a.entries.map((e) => e.icmp_code),
  'entry.icmp.type': (a) => a.entries.map((e) => e.icmp_type),
  'entry.port-range.from': (a) => a.entries.map((e) => e.port_from),
  'entry.port-range.to': (a) => a.entries.map((e) => e.port_to),
  'entry.protocol': (a) => a.entries.map((e) => e.protocol),
  'entry.rule-action': (a) => a.entries.map((e) => e.rule_action),
  'entry.rule-number': (a) => a.entries.map((e) => e.rule_number),
  'network-acl-id': (a) => a.acl_id,
  'owner-id': (a) => a.ownerId,
  'vpc-id': (a) => a.vpc_id,
};

export function DescribeNetworkAcls(ctx: Ctx, input: Ec2Input<'DescribeNetworkAcls'>): Ec2Output<'DescribeNetworkAcls'> {
  const acls = listNetworkAcls(ctx);
  const tags = tagsByResource(ctx, acls.map((a) => a.acl_id));
  const rows: Row[] = acls.map((a) => ({
    ...a,
    tags: tags.get(a.acl_id) ?? [],
    ownerId: ctx.accountId,
    entries: entriesOf(ctx, a.acl_id),
    assocs: aclAssociationsOf(ctx, a.acl_id),
  }));
  const selected = selectAndFilter(
    rows,
    {
      ids: input.NetworkAclIds,
      idOf: (a) => a.acl_id,
      check: (id) => {
        if (!isWellFormedId('acl', id)) throw invalidNetworkAclIdMalformed(id);
      },
      notFound: invalidNetworkAclIdNotFound,
    },
    input.Filters,
    { table: ACL_FILTERS, tags: (a) => a.tags },
  );
  const { page, nextToken } = paginate(selected, input, { operation: 'DescribeNetworkAcls', idsParam: 'networkAclIds', ids: input.NetworkAclIds });
  checkDryRun(input);
  return { NetworkAcls: page.map((a) => networkAclOutput(ctx, a, a.tags)), NextToken: nextToken };
}
