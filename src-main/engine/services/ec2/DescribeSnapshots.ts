import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidSnapshotNotFound } from './errors';
import { applyFilters, type FilterTable } from './filters';
import { paginate } from './pagination';
import { catchUp } from './state/instance-lifecycle';
import { checkSnapshotId, listSnapshots, progressOf, snapshotOutput, type SnapshotRow } from './state/snapshots';
import { tagsByResource, type Tag } from './state/tags';

type Item = SnapshotRow & { tags: Tag[]; progress: string; ownerId: string };

const SNAPSHOT_FILTERS: FilterTable<Item> = {
  description: (s) => s.description,
  encrypted: (s) => String(s.encrypted === 1),
  'owner-id': (s) => s.ownerId,
  progress: (s) => s.progress,
  'snapshot-id': (s) => s.snapshot_id,
  'start-time': (s) => new Date(s.started_at).toISOString(),
  status: (s) => s.state,
  'volume-id': (s) => s.volume_id,
  'volume-size': (s) => s.volume_size,
  'storage-tier': () => 'standard',
};

/**
 * The account's own snapshots (OwnerIds `self` or the account id). Snapshots behind public AMIs are
 * not listed, as in AWS, where they are not public.
 */
export function DescribeSnapshots(ctx: Ctx, input: Ec2Input<'DescribeSnapshots'>): Ec2Output<'DescribeSnapshots'> {
  catchUp(ctx);
  const ids = input.SnapshotIds ?? [];
  for (const id of ids) checkSnapshotId(id);
  let rows = listSnapshots(ctx);
  for (const id of ids) if (!rows.some((r) => r.snapshot_id === id)) throw invalidSnapshotNotFound(id);
  if (ids.length) rows = rows.filter((r) => ids.includes(r.snapshot_id));
  const owners = input.OwnerIds ?? [];
  if (owners.length && !owners.some((o) => o === 'self' || o === ctx.accountId)) rows = [];
  checkDryRun(input);
  const now = ctx.clock.now();
  const tags = tagsByResource(ctx, rows.map((r) => r.snapshot_id));
  const items = applyFilters(
    rows.map((r) => ({ ...r, tags: tags.get(r.snapshot_id) ?? [], progress: progressOf(r, now), ownerId: ctx.accountId })),
    input.Filters,
    { table: SNAPSHOT_FILTERS, tags: (s) => s.tags },
  );
  const { page, nextToken } = paginate(items, input, { operation: 'DescribeSnapshots', idsParam: 'snapshotIds', ids });
  return {
    Snapshots: page.map((s) => snapshotOutput(s, ctx.accountId, now, s.tags)) as Ec2Output<'DescribeSnapshots'>['Snapshots'],
    NextToken: nextToken,
  };
}
