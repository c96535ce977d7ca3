import type { Ctx } from '../../core/provider';
import { selectAndFilter } from './describe';
import { checkDryRun } from './dry-run';
import { invalidVpcIdNotFound } from './errors';
import type { FilterTable } from './filters';
import { paginate } from './pagination';
import { tagsByResource, type Tag } from './state/tags';
import { checkVpcId, listVpcs, vpcOutput, type VpcRow } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

type Row = VpcRow & { tags: Tag[]; ownerId: string };

const VPC_FILTERS: FilterTable<Row> = {
  cidr: (v) => v.cidr_block,
  'cidr-block-association.cidr-block': (v) => v.cidr_block,
  'cidr-block-association.association-id': (v) => v.cidr_assoc_id,
  'cidr-block-association.state': () => 'associated',
  'dhcp-options-id': (v) => v.dhcp_options_id,
  'is-default': (v) => v.is_default === 1,
  // The older spelling, still accepted by EC2 and used by the book's scripts (§4.3).
  isDefault: (v) => v.is_default === 1,
  'owner-id': (v) => v.ownerId,
  state: () => 'available',
  'vpc-id': (v) => v.vpc_id,
  'instance-tenancy': (v) => v.instance_tenancy,
};

export function DescribeVpcs(ctx: Ctx, input: Ec2Input<'DescribeVpcs'>): Ec2Output<'DescribeVpcs'> {
  const vpcs = listVpcs(ctx);
  const tags = tagsByResource(ctx, vpcs.map((v) => v.vpc_id));
  const rows: Row[] = vpcs.map((v) => ({ ...v, tags: tags.get(v.vpc_id) ?? [], ownerId: ctx.accountId }));
  const selected = selectAndFilter(rows, { ids: input.VpcIds, idOf: (v) => v.vpc_id, check: checkVpcId, notFound: invalidVpcIdNotFound }, input.Filters, {
    table: VPC_FILTERS,
    tags: (v) => v.tags,
  });
  const { page, nextToken } = paginate(selected, input, { operation: 'DescribeVpcs', idsParam: 'vpcIds', ids: input.VpcIds });
  checkDryRun(input);
  return { Vpcs: page.map((v) => vpcOutput(ctx, v, v.tags)), NextToken: nextToken };
}
