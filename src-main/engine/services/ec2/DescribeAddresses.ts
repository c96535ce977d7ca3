import type { Ctx } from '../../core/provider';
import { instanceOfAddress } from './address-lookup';
import { selectByIds } from './describe';
import { checkDryRun } from './dry-run';
import { invalidAddressNotFound, invalidAllocationIdMalformed, invalidAllocationIdNotFound } from './errors';
import { applyFilters, type FilterTable } from './filters';
import { isWellFormedId } from './ids';
import { addressOutput, listAddresses, type AddressRow } from './state/addresses';
import { tagsByResource, type Tag } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

type Row = AddressRow & { tags: Tag[]; instanceId?: string; ownerId: string; region: string };

const ADDRESS_FILTERS: FilterTable<Row> = {
  'allocation-id': (a) => a.allocation_id,
  'association-id': (a) => a.association_id,
  domain: () => 'vpc',
  'instance-id': (a) => a.instanceId,
  'network-border-group': (a) => a.region,
  'network-interface-id': (a) => a.network_interface_id,
  'network-interface-owner-id': (a) => (a.network_interface_id ? a.ownerId : undefined),
  'private-ip-address': (a) => a.private_ip,
  'public-ip': (a) => a.public_ip,
};

export function DescribeAddresses(ctx: Ctx, input: Ec2Input<'DescribeAddresses'>): Ec2Output<'DescribeAddresses'> {
  const addresses = listAddresses(ctx);
  const tags = tagsByResource(ctx, addresses.map((a) => a.allocation_id));
  const rows: Row[] = addresses.map((a) => ({
    ...a,
    tags: tags.get(a.allocation_id) ?? [],
    instanceId: instanceOfAddress(ctx, a),
    ownerId: ctx.accountId,
    region: ctx.region,
  }));
  let selected = selectByIds(rows, {
    ids: input.AllocationIds,
    idOf: (a) => a.allocation_id,
    check: (id) => {
      if (!isWellFormedId('eipalloc', id)) throw invalidAllocationIdMalformed(id);
    },
    notFound: invalidAllocationIdNotFound,
  });
  selected = selectByIds(selected, { ids: input.PublicIps, idOf: (a) => a.public_ip, notFound: invalidAddressNotFound });
  const filtered = applyFilters(selected, input.Filters, { table: ADDRESS_FILTERS, tags: (a) => a.tags });
  checkDryRun(input);
  return { Addresses: filtered.map((a) => addressOutput(ctx, a, a.instanceId, a.tags)) };
}
