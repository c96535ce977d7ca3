import type { Ctx } from '../../core/provider';
import { selectAndFilter } from './describe';
import { checkDryRun } from './dry-run';
import { invalidNetworkInterfaceIdMalformed, invalidNetworkInterfaceIdNotFound } from './errors';
import type { FilterTable } from './filters';
import { isWellFormedId } from './ids';
import { paginate } from './pagination';
import { eniOutput } from './state/eni-views';
import { listEnis } from './state/network-interfaces';
import { tagsByResource, type Tag } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

type View = ReturnType<typeof eniOutput>;
type Row = { view: View; tags: Tag[] };

const ENI_FILTERS: FilterTable<Row> = {
  'addresses.private-ip-address': (r) => r.view.PrivateIpAddresses.map((p) => p.PrivateIpAddress),
  'addresses.primary': (r) => r.view.PrivateIpAddresses.map((p) => p.Primary),
  'addresses.association.public-ip': (r) => r.view.PrivateIpAddresses.map((p) => p.Association?.PublicIp),
  'addresses.association.owner-id': (r) => r.view.PrivateIpAddresses.map((p) => p.Association?.IpOwnerId),
  'association.association-id': (r) => r.view.Association?.AssociationId,
  'association.allocation-id': (r) => r.view.Association?.AllocationId,
  'association.ip-owner-id': (r) => r.view.Association?.IpOwnerId,
  'association.public-ip': (r) => r.view.Association?.PublicIp,
  'association.public-dns-name': (r) => r.view.Association?.PublicDnsName,
  'attachment.attachment-id': (r) => r.view.Attachment?.AttachmentId,
  'attachment.attach-time': (r) => r.view.Attachment?.AttachTime.toISOString(),
  'attachment.delete-on-termination': (r) => r.view.Attachment?.DeleteOnTermination,
  'attachment.device-index': (r) => r.view.Attachment?.DeviceIndex,
  'attachment.instance-id': (r) => r.view.Attachment?.InstanceId,
  'attachment.instance-owner-id': (r) => r.view.Attachment?.InstanceOwnerId,
  'attachment.status': (r) => r.view.Attachment?.Status,
  'availability-zone': (r) => r.view.AvailabilityZone,
  description: (r) => r.view.Description,
  'group-id': (r) => r.view.Groups.map((g) => g.GroupId),
  'group-name': (r) => r.view.Groups.map((g) => g.GroupName),
  'interface-type': (r) => r.view.InterfaceType,
  'mac-address': (r) => r.view.MacAddress,
  'network-interface-id': (r) => r.view.NetworkInterfaceId,
  'owner-id': (r) => r.view.OwnerId,
  'private-dns-name': (r) => r.view.PrivateDnsName,
  'private-ip-address': (r) => r.view.PrivateIpAddress,
  'requester-id': (r) => r.view.RequesterId,
  'requester-managed': (r) => r.view.RequesterManaged,
  'source-dest-check': (r) => r.view.SourceDestCheck,
  status: (r) => r.view.Status,
  'subnet-id': (r) => r.view.SubnetId,
  'vpc-id': (r) => r.view.VpcId,
};

export function DescribeNetworkInterfaces(ctx: Ctx, input: Ec2Input<'DescribeNetworkInterfaces'>): Ec2Output<'DescribeNetworkInterfaces'> {
  const enis = listEnis(ctx);
  const tags = tagsByResource(ctx, enis.map((e) => e.eni_id));
  const rows: Row[] = enis.map((e) => ({ view: eniOutput(ctx, e, tags.get(e.eni_id) ?? []), tags: tags.get(e.eni_id) ?? [] }));
  const selected = selectAndFilter(
    rows,
    {
      ids: input.NetworkInterfaceIds,
      idOf: (r) => r.view.NetworkInterfaceId,
      check: (id) => {
        if (!isWellFormedId('eni', id)) throw invalidNetworkInterfaceIdMalformed(id);
      },
      notFound: invalidNetworkInterfaceIdNotFound,
    },
    input.Filters,
    { table: ENI_FILTERS, tags: (r) => r.tags },
  );
  const { page, nextToken } = paginate(selected, input, {
    operation: 'DescribeNetworkInterfaces',
    idsParam: 'networkInterfaceIds',
    ids: input.NetworkInterfaceIds,
  });
  checkDryRun(input);
  return { NetworkInterfaces: page.map((r) => r.view), NextToken: nextToken };
}
