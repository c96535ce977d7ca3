import type { Ctx } from '../../core/provider';
import { selectAndFilter } from './describe';
import { checkDryRun } from './dry-run';
import { invalidInternetGatewayIdMalformed, invalidInternetGatewayIdNotFound } from './errors';
import type { FilterTable } from './filters';
import { isWellFormedId } from './ids';
import { paginate } from './pagination';
import { internetGatewayOutput, listInternetGateways, type IgwRow } from './state/internet-gateways';
import { tagsByResource, type Tag } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

type Row = IgwRow & { tags: Tag[]; ownerId: string };

const IGW_FILTERS: FilterTable<Row> = {
  'attachment.state': (g) => (g.vpc_id ? 'available' : undefined),
  'attachment.vpc-id': (g) => g.vpc_id,
  'internet-gateway-id': (g) => g.igw_id,
  'owner-id': (g) => g.ownerId,
};

export function DescribeInternetGateways(ctx: Ctx, input: Ec2Input<'DescribeInternetGateways'>): Ec2Output<'DescribeInternetGateways'> {
  const igws = listInternetGateways(ctx);
  const tags = tagsByResource(ctx, igws.map((g) => g.igw_id));
  const rows: Row[] = igws.map((g) => ({ ...g, tags: tags.get(g.igw_id) ?? [], ownerId: ctx.accountId }));
  const selected = selectAndFilter(
    rows,
    {
      ids: input.InternetGatewayIds,
      idOf: (g) => g.igw_id,
      check: (id) => {
        if (!isWellFormedId('igw', id)) throw invalidInternetGatewayIdMalformed(id);
      },
      notFound: invalidInternetGatewayIdNotFound,
    },
    input.Filters,
    { table: IGW_FILTERS, tags: (g) => g.tags },
  );
  const { page, nextToken } = paginate(selected, input, {
    operation: 'DescribeInternetGateways',
    idsParam: 'internetGatewayIds',
    ids: input.InternetGatewayIds,
  });
  checkDryRun(input);
  return { InternetGateways: page.map((g) => internetGatewayOutput(ctx, g, g.tags)), NextToken: nextToken };
}
