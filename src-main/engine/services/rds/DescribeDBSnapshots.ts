import type { Ctx } from '../../core/provider';
import { invalidParameterValue } from './errors';
import { snapshotOutput } from './output';
import { getSnapshot, listSnapshots, type SnapshotRow } from './state/snapshots';
import type { RdsInput, RdsOutput } from './types';

const FILTERS: Record<string, (s: SnapshotRow) => string[]> = {
  'db-instance-id': (s) => [s.instance_id],
  'db-snapshot-id': (s) => [s.id],
  'snapshot-type': (s) => [s.snapshot_type],
  'dbi-resource-id': (s) => [s.instance_resource_id],
};

export function DescribeDBSnapshots(ctx: Ctx, input: RdsInput<'DescribeDBSnapshots'>): RdsOutput<'DescribeDBSnapshots'> {
  if (input.DBSnapshotIdentifier) {
    const s = getSnapshot(ctx, input.DBSnapshotIdentifier);
    return { DBSnapshots: [snapshotOutput(s)] };
  }
  let rows = listSnapshots(ctx);
  if (input.DBInstanceIdentifier) rows = rows.filter((s) => s.instance_id === input.DBInstanceIdentifier!.toLowerCase());
  if (input.SnapshotType) rows = rows.filter((s) => s.snapshot_type === input.SnapshotType);
  for (const f of input.Filters ?? []) {
    const get = FILTERS[f.Name];
    if (!get) throw invalidParameterValue(`Unrecognized filter name: ${f.Name}`);
    rows = rows.filter((s) => get(s).some((v) => f.Values.includes(v)));
  }
  return { DBSnapshots: rows.map(snapshotOutput) };
}
