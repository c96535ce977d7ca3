import { streaming, type Ctx } from '../../core/provider';
import type { DescribeMountTargetSecurityGroupsInput, DescribeMountTargetSecurityGroupsOutput } from '../../models/generated/elasticfilesystem';
import { ec2 } from './ec2-lookups';
import { getMt } from './state/mount-targets';

/** The groups are the network interface's, as EC2 keeps them. */
export const DescribeMountTargetSecurityGroups = streaming(
  async (ctx: Ctx, input: DescribeMountTargetSecurityGroupsInput): Promise<DescribeMountTargetSecurityGroupsOutput> => {
    const mt = getMt(ctx, input.MountTargetId);
    const out = await ec2(ctx, 'DescribeNetworkInterfaces', { NetworkInterfaceIds: [mt.eni_id] });
    const eni = (out.NetworkInterfaces as { Groups?: { GroupId: string }[] }[] | undefined)?.[0];
    return { SecurityGroups: (eni?.Groups ?? []).map((g) => g.GroupId) };
  },
);
