import { streaming, type Ctx } from '../../core/provider';
import type { ModifyMountTargetSecurityGroupsInput, ModifyMountTargetSecurityGroupsOutput } from '../../models/generated/elasticfilesystem';
import { ec2, securityGroups } from './ec2-lookups';
import { incorrectMountTargetState } from './errors';
import { getMt, mtState } from './state/mount-targets';

/** Replaces the interface's groups: the next NFS connection is judged by the new rules. */
export const ModifyMountTargetSecurityGroups = streaming(
  async (ctx: Ctx, input: ModifyMountTargetSecurityGroupsInput): Promise<ModifyMountTargetSecurityGroupsOutput> => {
    const mt = getMt(ctx, input.MountTargetId);
    const state = mtState(mt, ctx.clock.now());
    if (state !== 'available') throw incorrectMountTargetState(mt.id, state);
    const groups = await securityGroups(ctx, input.SecurityGroups ?? [], mt.vpc_id);
    await ec2(ctx, 'ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: mt.eni_id, Groups: groups });
    return {};
  },
);
