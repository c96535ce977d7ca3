import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { findImage, findInstanceType } from '../ec2/index';
import { alreadyExists, validationError } from './errors';
import { findLaunchConfiguration, type LaunchSpec } from './state/launch-configurations';
import { launchConfigurationArn } from './state/names';

export const CreateLaunchConfiguration = (ctx: Ctx, input: OperationInput<'autoscaling', 'CreateLaunchConfiguration'>) => {
  const name = input.LaunchConfigurationName;
  if (findLaunchConfiguration(ctx, name)) throw alreadyExists(`Launch Configuration by this name already exists - A launch configuration already exists with the name ${name}`);
  if (input.InstanceId) throw validationError('Creating a launch configuration from an instance is not simulated in Nimbus Lab; give ImageId and InstanceType');
  if (!input.ImageId) throw validationError('Valid requests must contain either the ImageId or the InstanceId parameter.');
  if (!input.InstanceType) throw validationError('Valid requests must contain either the InstanceType or the InstanceId parameter.');
  if (!findImage(ctx.region, input.ImageId)) throw validationError(`The image id '[${input.ImageId}]' does not exist`);
  if (!findInstanceType(input.InstanceType)) throw validationError(`Invalid instance type: ${input.InstanceType}`);
  const spec: LaunchSpec = {
    ImageId: input.ImageId,
    InstanceType: input.InstanceType,
    ...(input.KeyName ? { KeyName: input.KeyName } : {}),
    ...(input.SecurityGroups?.length ? { SecurityGroups: input.SecurityGroups } : {}),
    ...(input.UserData ? { UserData: input.UserData } : {}),
    ...(input.IamInstanceProfile ? { IamInstanceProfile: input.IamInstanceProfile } : {}),
    ...(input.AssociatePublicIpAddress !== undefined ? { AssociatePublicIpAddress: input.AssociatePublicIpAddress } : {}),
    ...(input.BlockDeviceMappings?.length ? { BlockDeviceMappings: input.BlockDeviceMappings as Record<string, unknown>[] } : {}),
    ...(input.InstanceMonitoring ? { InstanceMonitoring: input.InstanceMonitoring } : {}),
    ...(input.EbsOptimized !== undefined ? { EbsOptimized: input.EbsOptimized } : {}),
    ...(input.SpotPrice ? { SpotPrice: input.SpotPrice } : {}),
    ...(input.PlacementTenancy ? { PlacementTenancy: input.PlacementTenancy } : {}),
    ...(input.MetadataOptions ? { MetadataOptions: input.MetadataOptions as Record<string, unknown> } : {}),
  };
  ctx.store
    .stmt('INSERT INTO autoscaling_launch_configurations (account_id, region, name, arn, spec, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, name, launchConfigurationArn(ctx, name), JSON.stringify(spec), ctx.clock.now());
  return {};
};
