import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidParameterValue, snapshotNotCompleted } from './errors';
import { catchUp } from './state/instance-lifecycle';
import { regionCatalog } from './zones';
import { getSnapshot, insertSnapshot } from './state/snapshots';
import { applyTagSpecifications, checkTagSpecifications } from './state/tags';

/**
 * Copies a completed snapshot from SourceRegion into the region the request is sent to (§11.3.4
 * copies across regions). The copy is a new snapshot with its own data.
 */
export function CopySnapshot(ctx: Ctx, input: Ec2Input<'CopySnapshot'>): Ec2Output<'CopySnapshot'> {
  catchUp(ctx);
  if (!regionCatalog().has(input.SourceRegion)) throw invalidParameterValue(`Value (${input.SourceRegion}) for parameter sourceRegion is invalid.`);
  const source = getSnapshot({ ...ctx, region: input.SourceRegion }, input.SourceSnapshotId);
  if (source.state !== 'completed') throw snapshotNotCompleted(source.snapshot_id);
  checkTagSpecifications(ctx, input.TagSpecifications, ['snapshot']);
  checkDryRun(input);
  const copy = insertSnapshot(ctx, {
    // AWS shows vol-ffffffff as the volume of a copied snapshot.
    volumeId: 'vol-ffffffff',
    volumeSize: source.volume_size,
    description: input.Description ?? `[Copied ${source.snapshot_id} from ${input.SourceRegion}]`,
    encrypted: input.Encrypted === true || source.encrypted === 1,
    kmsKeyId: input.KmsKeyId ?? source.kms_key_id,
    fromDataId: source.data_id,
  });
  applyTagSpecifications(ctx, input.TagSpecifications, 'snapshot', copy.snapshot_id);
  return { SnapshotId: copy.snapshot_id };
}
