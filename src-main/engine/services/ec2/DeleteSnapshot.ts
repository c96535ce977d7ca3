import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { catchUp } from './state/instance-lifecycle';
import { deleteSnapshotNow, getSnapshot } from './state/snapshots';

export function DeleteSnapshot(ctx: Ctx, input: Ec2Input<'DeleteSnapshot'>): Ec2Output<'DeleteSnapshot'> {
  catchUp(ctx);
  const snap = getSnapshot(ctx, input.SnapshotId);
  checkDryRun(input);
  deleteSnapshotNow(ctx, snap);
  return {};
}
