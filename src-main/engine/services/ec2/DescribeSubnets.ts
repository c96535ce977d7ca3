import type { Ctx } from '../../core/provider';
import { selectAndFilter } from './describe';
import { checkDryRun } from './dry-run';
import { invalidSubnetIdNotFound } from './errors';
import type { FilterTable } from './filters';
import { paginate } from './pagination';
import { availableIpCount, checkSubnetId, listSubnets, subnetOutput, type SubnetRow } from './state/subnets';
import { tagsByResource, type Tag } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

type Row = SubnetRow & { tags: Tag[]; ownerId: string; available: number; arn: string };

const SUBNET_FILTERS: FilterTable<Row> = {
  'availability-zone': (s) => s.availability_zone,
  'availability-zone-id': (s) => s.availability_zone_id,
  availabilityZone: (s) => s.availability_zone,
  'available-ip-address-count': (s) => s.available,
  'cidr-block': (s) => s.cidr_block,
  cidr: (s) => s.cidr_block,
  cidrBlock: (s) => s.cidr_block,
  'default-for-az': (s) => s.default_for_az === 1,
  defaultForAz: (s) => s.default_for_az === 1,
  'map-public-ip-on-launch': (s) => s.map_public_ip_on_launch === 1,
  'owner-id': (s) => s.ownerId,
  state: () => 'available',
  'subnet-arn': (s) => s.arn,
  'subnet-id': (s) => s.subnet_id,
  'vpc-id': (s) => s.vpc_id,
};

export function DescribeSubnets(ctx: Ctx, input: Ec2Input<'DescribeSubnets'>): Ec2Output<'DescribeSubnets'> {
  const subnets = listSubnets(ctx);
  const tags = tagsByResource(ctx, subnets.map((s) => s.subnet_id));
  const rows: Row[] = subnets.map((s) => ({
    ...s,
    tags: tags.get(s.subnet_id) ?? [],
    ownerId: ctx.accountId,
    available: availableIpCount(ctx, s),
    arn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:subnet/${s.subnet_id}`,
  }));
  const selected = selectAndFilter(
    rows,
    { ids: input.SubnetIds, idOf: (s) => s.subnet_id, check: checkSubnetId, notFound: invalidSubnetIdNotFound },
    input.Filters,
    { table: SUBNET_FILTERS, tags: (s) => s.tags },
  );
  const { page, nextToken } = paginate(selected, input, { operation: 'DescribeSubnets', idsParam: 'subnetIds', ids: input.SubnetIds });
  checkDryRun(input);
  return { Subnets: page.map((s) => subnetOutput(ctx, s, s.tags)), NextToken: nextToken };
}
