/** Launch configurations: what a group launches (image, type, key, groups, user data, profile, disks). */
import type { Ctx } from '../../../core/provider';
import { launchConfigurationNotFound } from '../errors';

export interface LaunchSpec {
  ImageId: string;
  InstanceType: string;
  KeyName?: string;
  SecurityGroups?: string[];
  UserData?: string;
  IamInstanceProfile?: string;
  AssociatePublicIpAddress?: boolean;
  BlockDeviceMappings?: Record<string, unknown>[];
  InstanceMonitoring?: { Enabled?: boolean };
  EbsOptimized?: boolean;
  SpotPrice?: string;
  PlacementTenancy?: string;
  MetadataOptions?: Record<string, unknown>;
}

export interface LaunchConfigurationRow {
  account_id: string;
  region: string;
  name: string;
  arn: string;
  spec: string;
  created_at: number;
}

export const listLaunchConfigurations = (ctx: Ctx): LaunchConfigurationRow[] =>
  ctx.store.stmt('SELECT * FROM autoscaling_launch_configurations WHERE account_id = ? AND region = ? ORDER BY name').all(ctx.accountId, ctx.region) as LaunchConfigurationRow[];

export const findLaunchConfiguration = (ctx: Ctx, name: string): LaunchConfigurationRow | undefined =>
  ctx.store.stmt('SELECT * FROM autoscaling_launch_configurations WHERE account_id = ? AND region = ? AND name = ?').get(ctx.accountId, ctx.region, name) as LaunchConfigurationRow | undefined;

export function getLaunchConfiguration(ctx: Ctx, name: string): LaunchConfigurationRow {
  const lc = findLaunchConfiguration(ctx, name);
  if (!lc) throw launchConfigurationNotFound(name);
  return lc;
}

export function launchConfigurationOutput(lc: LaunchConfigurationRow) {
  const s = JSON.parse(lc.spec) as LaunchSpec;
  return {
    LaunchConfigurationName: lc.name,
    LaunchConfigurationARN: lc.arn,
    ImageId: s.ImageId,
    ...(s.KeyName ? { KeyName: s.KeyName } : {}),
    SecurityGroups: s.SecurityGroups ?? [],
    ClassicLinkVPCSecurityGroups: [],
    UserData: s.UserData ?? '',
    InstanceType: s.InstanceType,
    KernelId: '',
    RamdiskId: '',
    BlockDeviceMappings: s.BlockDeviceMappings ?? [],
    InstanceMonitoring: { Enabled: s.InstanceMonitoring?.Enabled ?? true },
    ...(s.SpotPrice ? { SpotPrice: s.SpotPrice } : {}),
    ...(s.IamInstanceProfile ? { IamInstanceProfile: s.IamInstanceProfile } : {}),
    CreatedTime: new Date(lc.created_at),
    EbsOptimized: s.EbsOptimized ?? false,
    ...(s.AssociatePublicIpAddress !== undefined ? { AssociatePublicIpAddress: s.AssociatePublicIpAddress } : {}),
    ...(s.PlacementTenancy ? { PlacementTenancy: s.PlacementTenancy } : {}),
    ...(s.MetadataOptions ? { MetadataOptions: s.MetadataOptions } : {}),
  };
}
