import type { Ctx } from '../../core/provider';
import { selectAndFilter } from './describe';
import { checkDryRun } from './dry-run';
import { invalidNatGatewayIdMalformed, natGatewayNotFound } from './errors';
import type { FilterTable } from './filters';
import { isWellFormedId } from './ids';
import { paginate } from './pagination';
import { listNatGateways, natGatewayOutput, type NatRow } from './state/nat-gateways';
import { tagsByResource, type Tag } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

type Row = NatRow & { tags: Tag[] };

const NAT_FILTERS: FilterTable<Row> = {
  'nat-gateway-id': (n) => n.nat_id,
  state: (n) => n.state,
  'subnet-id': (n) => n.subnet_id,
  'vpc-id': (n) => n.vpc_id,
};

/** Note the singular `Filter` member: DescribeNatGateways names it so in the API. */
export function DescribeNatGateways(ctx: Ctx, input: Ec2Input<'DescribeNatGateways'>): Ec2Output<'DescribeNatGateways'> {
  const nats = listNatGateways(ctx);
  const tags = tagsByResource(ctx, nats.map((n) => n.nat_id));
  const rows: Row[] = nats.map((n) => ({ ...n, tags: tags.get(n.nat_id) ?? [] }));
  const selected = selectAndFilter(
    rows,
    {
      ids: input.NatGatewayIds,
      idOf: (n) => n.nat_id,
      check: (id) => {
        if (!isWellFormedId('nat', id)) throw invalidNatGatewayIdMalformed(id);
      },
      notFound: natGatewayNotFound,
    },
    input.Filter,
    { table: NAT_FILTERS, tags: (n) => n.tags },
  );
  const { page, nextToken } = paginate(selected, input, { operation: 'DescribeNatGateways' });
  checkDryRun(input);
  return { NatGateways: page.map((n) => natGatewayOutput(ctx, n, n.tags)), NextToken: nextToken };
}
