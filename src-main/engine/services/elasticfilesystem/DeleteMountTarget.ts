import { streaming, type Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { DeleteMountTargetInput, DeleteMountTargetOutput } from '../../models/generated/elasticfilesystem';
import { deleteInterface } from './ec2-lookups';
import { getMt } from './state/mount-targets';

/** Removes a mount target and its network interface; clients mounted through it lose the share. */
export const DeleteMountTarget = streaming(async (ctx: Ctx, input: DeleteMountTargetInput): Promise<DeleteMountTargetOutput> => {
  const mt = getMt(ctx, input.MountTargetId);
  ctx.commit(() => scoped(ctx).run('DELETE FROM efs_mount_targets WHERE id = ?', mt.id));
  await deleteInterface(ctx, mt.eni_id);
  return {};
});
