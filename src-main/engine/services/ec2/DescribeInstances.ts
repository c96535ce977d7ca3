import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { applyFilters, checkFilters, type Filter, type FilterTable } from './filters';
import { checkPage, paginate } from './pagination';
import { catchUp } from './state/instance-lifecycle';
import { privateDnsName, publicDnsName } from './state/instance-network';
import { instanceGroups, instanceOutput, instancePublicIp, instanceViews, primaryPrivateIp, type InstanceView } from './state/instance-output';
import { STATE_CODES, getInstances, type InstanceRow } from './state/instances';

const INSTANCE_FILTERS: FilterTable<InstanceView> = {
  'instance-id': (v) => v.row.instance_id,
  'instance-state-name': (v) => v.row.state,
  'instance-state-code': (v) => STATE_CODES[v.row.state],
  'instance-type': (v) => v.row.instance_type,
  'image-id': (v) => v.row.image_id,
  'key-name': (v) => v.row.key_name,
  'vpc-id': (v) => (v.row.state === 'terminated' ? undefined : v.row.vpc_id),
  'subnet-id': (v) => (v.row.state === 'terminated' ? undefined : v.row.subnet_id),
  'availability-zone': (v) => v.row.availability_zone,
  'private-ip-address': (v) => primaryPrivateIp(v),
  'ip-address': (v) => instancePublicIp(v),
  'reservation-id': (v) => v.row.reservation_id,
  'launch-index': (v) => v.row.ami_launch_index,
  'launch-time': (v) => new Date(v.row.launch_time).toISOString(),
  'architecture': () => 'x86_64',
  'root-device-name': (v) => v.row.root_device_name,
  'root-device-type': () => 'ebs',
  'monitoring-state': (v) => v.row.monitoring,
  'instance-lifecycle': (v) => (v.row.spot_request_id ? 'spot' : undefined),
  'spot-instance-request-id': (v) => v.row.spot_request_id,
  'iam-instance-profile.arn': (v) => v.row.iam_profile_arn,
  'client-token': (v) => v.row.client_token,
  'owner-id': (v) => v.row.account_id,
  'tenancy': () => 'default',
  'virtualization-type': () => 'hvm',
  'hypervisor': () => 'xen',
  'state-reason-code': (v) => v.row.state_reason_code,
  'block-device-mapping.device-name': (v) => v.attachments.map((a) => a.device),
  'block-device-mapping.volume-id': (v) => v.attachments.map((a) => a.volume_id),
  'block-device-mapping.status': (v) => v.attachments.map((a) => a.state),
  'block-device-mapping.delete-on-termination': (v) => v.attachments.map((a) => String(a.delete_on_termination === 1)),
  'instance.group-id': (v) => instanceGroups(v).map((g) => g.GroupId),
  'instance.group-name': (v) => instanceGroups(v).map((g) => g.GroupName),
  'group-id': (v) => instanceGroups(v).map((g) => g.GroupId),
  'group-name': (v) => instanceGroups(v).map((g) => g.GroupName),
  'dns-name': (v) => {
    const ip = instancePublicIp(v);
    return ip && v.enis[0]?.dnsHostnames ? publicDnsName(v.row.region, ip) : undefined;
  },
  'private-dns-name': (v) => {
    const ip = primaryPrivateIp(v);
    return ip ? privateDnsName(v.row.region, ip) : undefined;
  },
  'network-interface.network-interface-id': (v) => v.enis.map((e) => e.eniId),
  'network-interface.subnet-id': (v) => v.enis.map((e) => e.subnetId),
  'network-interface.vpc-id': (v) => v.enis.map((e) => e.vpcId),
  'network-interface.mac-address': (v) => v.enis.map((e) => e.macAddress),
  'network-interface.description': (v) => v.enis.map((e) => e.description),
  'network-interface.source-dest-check': (v) => v.enis.map((e) => String(e.sourceDestCheck)),
  'network-interface.attachment.device-index': (v) => v.enis.map((e) => e.deviceIndex),
  'network-interface.attachment.attachment-id': (v) => v.enis.map((e) => e.attachmentId),
  'network-interface.addresses.private-ip-address': (v) => v.enis.flatMap((e) => e.privateIps.map((p) => p.ip)),
  'network-interface.addresses.association.public-ip': (v) => v.enis.flatMap((e) => e.privateIps.map((p) => p.publicIp)),
  'network-interface.group-id': (v) => v.enis.flatMap((e) => e.groups.map((g) => g.GroupId)),
  'network-interface.group-name': (v) => v.enis.flatMap((e) => e.groups.map((g) => g.GroupName)),
  'association.public-ip': (v) => v.enis.flatMap((e) => e.privateIps.map((p) => p.publicIp)),
  'source-dest-check': (v) => (v.enis[0] ? String(v.enis[0].sourceDestCheck) : undefined),
};

/**
 * Narrows the rows with SQL where a filter maps to an indexed column (tags, state, type, id), so a
 * tag filter over thousands of instances only builds the few views that can match. The generic
 * filter pass afterwards keeps the exact semantics (wildcards included).
 */
function candidateRows(ctx: Ctx, filters: readonly Filter[] | undefined): InstanceRow[] {
  const where: string[] = ['i.account_id = ?', 'i.region = ?'];
  const args: unknown[] = [ctx.accountId, ctx.region];
  const plain = (values: string[]) => values.length > 0 && values.every((v) => !/[*?\\]/.test(v));
  for (const f of filters ?? []) {
    const name = f.Name ?? '';
    const values = f.Values ?? [];
    if (!plain(values)) continue;
    const list = JSON.stringify(values);
    if (name.startsWith('tag:')) {
      where.push(
        `i.instance_id IN (SELECT resource_id FROM ec2_tags WHERE account_id = ? AND region = ? AND key = ? AND value IN (SELECT value FROM json_each(?)))`,
      );
      args.push(ctx.accountId, ctx.region, name.slice(4), list);
    } else if (name === 'tag-key') {
      where.push(`i.instance_id IN (SELECT resource_id FROM ec2_tags WHERE account_id = ? AND region = ? AND key IN (SELECT value FROM json_each(?)))`);
      args.push(ctx.accountId, ctx.region, list);
    } else if (name === 'instance-state-name') {
      where.push('i.state IN (SELECT value FROM json_each(?))');
      args.push(list);
    } else if (name === 'instance-type') {
      where.push('i.instance_type IN (SELECT value FROM json_each(?))');
      args.push(list);
    } else if (name === 'instance-id') {
      where.push('i.instance_id IN (SELECT value FROM json_each(?))');
      args.push(list);
    }
  }
  // With a set of ids (from tags or InstanceIds), look them up by id rather than scanning the region:
  // the unary + keeps SQLite from choosing the (account_id, region) index.
  if (where.length > 2 && where.slice(2).some((w) => w.startsWith('i.instance_id'))) {
    where[0] = '+i.account_id = ?';
    where[1] = '+i.region = ?';
  }
  return ctx.store.stmt(`SELECT i.* FROM ec2_instances i WHERE ${where.join(' AND ')} ORDER BY i.id`).all(...args) as InstanceRow[];
}

export function DescribeInstances(ctx: Ctx, input: Ec2Input<'DescribeInstances'>): Ec2Output<'DescribeInstances'> {
  catchUp(ctx);
  const ids = input.InstanceIds ?? [];
  checkFilters(input.Filters, { table: INSTANCE_FILTERS, tags: (v: InstanceView) => v.tags });
  checkPage(input, { operation: 'DescribeInstances', idsParam: 'instanceIds', ids });
  let rows: InstanceRow[];
  if (ids.length) {
    const found = getInstances(ctx, [...new Set(ids)]);
    const byId = new Map(found.map((r) => [r.instance_id, r]));
    rows = [...byId.values()].sort((a, b) => a.id - b.id);
  } else rows = candidateRows(ctx, input.Filters);
  checkDryRun(input);
  const views = applyFilters(instanceViews(ctx, rows), input.Filters, { table: INSTANCE_FILTERS, tags: (v) => v.tags });
  // Pages count reservations' instances; a reservation may span pages, as in AWS.
  const { page, nextToken } = paginate(views, input, { operation: 'DescribeInstances', idsParam: 'instanceIds', ids, max: 1000 });
  const reservations = new Map<string, InstanceView[]>();
  for (const v of page) {
    let list = reservations.get(v.row.reservation_id);
    if (!list) reservations.set(v.row.reservation_id, (list = []));
    list.push(v);
  }
  return {
    Reservations: [...reservations.entries()].map(([reservationId, list]) => ({
      Groups: [],
      Instances: list.map((v) => instanceOutput(ctx, v)),
      OwnerId: ctx.accountId,
      RequesterId: list[0]!.row.requester_id ?? undefined,
      ReservationId: reservationId,
    })) as Ec2Output<'DescribeInstances'>['Reservations'],
    NextToken: nextToken,
  };
}
