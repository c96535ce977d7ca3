import { streaming, type Ctx } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { CreateMountTargetInput, CreateMountTargetOutput } from '../../models/generated/elasticfilesystem';
import { createInterface, deleteInterface, securityGroups, subnet } from './ec2-lookups';
import { badRequest, incorrectFileSystemState, mountTargetConflict } from './errors';
import { fsState, getFs, newId } from './state/file-systems';
import { MT_CREATE_MS, describeMt, getMt, type MtRow } from './state/mount-targets';

/**
 * A mount target: a network interface EC2 creates in the subnet (so security groups, NACLs and
 * routes apply to NFS like to any connection), one per availability zone and all in one VPC.
 */
export const CreateMountTarget = streaming(async (ctx: Ctx, input: CreateMountTargetInput): Promise<CreateMountTargetOutput> => {
  const fs = getFs(ctx, input.FileSystemId);
  const state = fsState(fs, ctx.clock.now());
  if (state !== 'available') throw incorrectFileSystemState(fs.id, state);
  const sn = await subnet(ctx, input.SubnetId);
  const others = scoped(ctx).all<MtRow>('SELECT * FROM efs_mount_targets WHERE fs_id = ?', fs.id);
  if (others.some((m) => m.vpc_id !== sn.vpcId)) throw mountTargetConflict(`${sn.az}: the file system's mount targets are in ${others[0]!.vpc_id}, not ${sn.vpcId}`);
  if (others.some((m) => m.az === sn.az)) throw mountTargetConflict(sn.az);
  if (fs.az_name && fs.az_name !== sn.az) throw badRequest(`The file system is One Zone in ${fs.az_name}; its mount target must be in that zone, not ${sn.az}.`);
  const groups = await securityGroups(ctx, input.SecurityGroups, sn.vpcId);
  const id = newId('fsmt');
  const eni = await createInterface(ctx, sn.id, groups, input.IpAddress, `EFS mount target for ${fs.id} (${id})`);
  const now = ctx.clock.now();
  try {
    return ctx.commit(() => {
      // Checked again inside the transaction: another call may have taken the zone meanwhile.
      if (scoped(ctx).get('SELECT 1 FROM efs_mount_targets WHERE fs_id = ? AND az = ?', fs.id, sn.az)) throw mountTargetConflict(sn.az);
      scoped(ctx).insert('efs_mount_targets', {
        id,
        fs_id: fs.id,
        subnet_id: sn.id,
        vpc_id: sn.vpcId,
        az: sn.az,
        ip: eni.ip,
        eni_id: eni.eniId,
        created_at: now,
        available_at: now + MT_CREATE_MS,
      });
      return describeMt(getMt(ctx, id), now);
    });
  } catch (e) {
    await deleteInterface(ctx, eni.eniId);
    throw e;
  }
});
