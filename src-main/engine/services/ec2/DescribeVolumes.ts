import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidVolumeNotFound } from './errors';
import { applyFilters, type FilterTable } from './filters';
import { paginate } from './pagination';
import { catchUp } from './state/instance-lifecycle';
import { tagsByResource, type Tag } from './state/tags';
import { allAttachments, checkVolumeId, listVolumes, volumeOutput, type AttachmentRow, type VolumeRow } from './state/volumes';

type Item = VolumeRow & { attachment?: AttachmentRow; tags: Tag[] };

const VOLUME_FILTERS: FilterTable<Item> = {
  'attachment.attach-time': (v) => (v.attachment ? new Date(v.attachment.attach_time).toISOString() : undefined),
  'attachment.delete-on-termination': (v) => (v.attachment ? String(v.attachment.delete_on_termination === 1) : undefined),
  'attachment.device': (v) => v.attachment?.device,
  'attachment.instance-id': (v) => v.attachment?.instance_id,
  'attachment.status': (v) => v.attachment?.state,
  'availability-zone': (v) => v.availability_zone,
  'create-time': (v) => new Date(v.created_at).toISOString(),
  encrypted: (v) => String(v.encrypted === 1),
  'multi-attach-enabled': (v) => String(v.multi_attach === 1),
  size: (v) => v.size,
  'snapshot-id': (v) => v.snapshot_id,
  status: (v) => v.state,
  'volume-id': (v) => v.volume_id,
  'volume-type': (v) => v.volume_type,
  iops: (v) => v.iops,
  throughput: (v) => v.throughput,
};

export function DescribeVolumes(ctx: Ctx, input: Ec2Input<'DescribeVolumes'>): Ec2Output<'DescribeVolumes'> {
  catchUp(ctx);
  const ids = input.VolumeIds ?? [];
  for (const id of ids) checkVolumeId(id);
  let rows = listVolumes(ctx);
  if (ids.length) {
    for (const id of ids) if (!rows.some((r) => r.volume_id === id)) throw invalidVolumeNotFound(id);
    rows = rows.filter((r) => ids.includes(r.volume_id));
  }
  checkDryRun(input);
  const attachments = allAttachments(ctx);
  const tags = tagsByResource(ctx, rows.map((r) => r.volume_id));
  const items = applyFilters(
    rows.map((r) => ({ ...r, attachment: attachments.get(r.volume_id), tags: tags.get(r.volume_id) ?? [] })),
    input.Filters,
    { table: VOLUME_FILTERS, tags: (v) => v.tags },
  );
  const { page, nextToken } = paginate(items, input, { operation: 'DescribeVolumes', idsParam: 'volumeIds', ids });
  return { Volumes: page.map((v) => volumeOutput(v, v.attachment, v.tags)) as Ec2Output<'DescribeVolumes'>['Volumes'], NextToken: nextToken };
}
