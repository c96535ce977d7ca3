import type { Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { DescribeMountTargetsInput, DescribeMountTargetsOutput } from '../../models/generated/elasticfilesystem';
import { badRequest } from './errors';
import { getFs } from './state/file-systems';
import { describeMt, getMt, type MtRow } from './state/mount-targets';
import { getAp } from './state/access-points';
import { page } from './paging';

/** A file system's mount targets (by zone), one by id, or those an access point's file system has. */
export function DescribeMountTargets(ctx: Ctx, input: DescribeMountTargetsInput): DescribeMountTargetsOutput {
  const given = [input.FileSystemId, input.MountTargetId, input.AccessPointId].filter((x) => x !== undefined).length;
  if (given !== 1) throw badRequest('Specify exactly one of FileSystemId, MountTargetId or AccessPointId.');
  let rows: MtRow[];
  if (input.MountTargetId) rows = [getMt(ctx, input.MountTargetId)];
  else {
    const fsId = input.FileSystemId ?? getAp(ctx, input.AccessPointId!).fs_id;
    getFs(ctx, fsId);
    rows = scoped(ctx).all<MtRow>('SELECT * FROM efs_mount_targets WHERE fs_id = ? ORDER BY az, id', fsId);
  }
  const now = ctx.clock.now();
  const { items, next } = page(rows, input.Marker, input.MaxItems, 10);
  return {
    ...(input.Marker ? { Marker: input.Marker } : {}),
    MountTargets: items.map((r) => describeMt(r, now)),
    ...(next ? { NextMarker: next } : {}),
  };
}
