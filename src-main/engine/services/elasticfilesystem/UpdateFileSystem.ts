import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { UpdateFileSystemInput, UpdateFileSystemOutput } from '../../models/generated/elasticfilesystem';
import { badRequest, incorrectFileSystemState, tooManyRequests } from './errors';
import { describeFs, fsState, getFs } from './state/file-systems';
import { checkThroughput } from './checks';

const DAY = 24 * 3600_000;

/**
 * Changes the throughput mode or provisioned rate. As on AWS, a change of mode or a decrease of the
 * provisioned rate is allowed once per 24 hours (simulated); increases any time.
 */
export function UpdateFileSystem(ctx: Ctx, input: UpdateFileSystemInput): UpdateFileSystemOutput {
  const fs = getFs(ctx, input.FileSystemId);
  const now = ctx.clock.now();
  const state = fsState(fs, now);
  if (state !== 'available') throw incorrectFileSystemState(fs.id, state);
  if (input.ThroughputMode === undefined && input.ProvisionedThroughputInMibps === undefined)
    throw badRequest('Specify a ThroughputMode or a ProvisionedThroughputInMibps to update.');
  const mode = input.ThroughputMode ?? fs.throughput_mode;
  const mibps = mode === 'provisioned' ? (input.ProvisionedThroughputInMibps ?? fs.provisioned_mibps ?? undefined) : input.ProvisionedThroughputInMibps;
  checkThroughput(mode, mibps ?? undefined);
  const restricted = mode !== fs.throughput_mode || (mode === 'provisioned' && (mibps ?? 0) < (fs.provisioned_mibps ?? 0));
  if (restricted && fs.throughput_changed_at !== null && now - fs.throughput_changed_at < DAY) throw tooManyRequests(fs.id);
  scoped(ctx).run(
    'UPDATE efs_file_systems SET throughput_mode = ?, provisioned_mibps = ?, throughput_changed_at = ? WHERE id = ?',
    mode,
    mode === 'provisioned' ? mibps : null,
    restricted ? now : fs.throughput_changed_at,
    fs.id,
  );
  return describeFs(ctx, getFs(ctx, fs.id));
}
