import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { unknownInstanceAttribute } from './errors';
import { catchUp } from './state/instance-lifecycle';
import { instanceGroups, instanceViews } from './state/instance-output';
import { getInstance } from './state/instances';

export function DescribeInstanceAttribute(ctx: Ctx, input: Ec2Input<'DescribeInstanceAttribute'>): Ec2Output<'DescribeInstanceAttribute'> {
  catchUp(ctx);
  const inst = getInstance(ctx, input.InstanceId);
  checkDryRun(input);
  const view = instanceViews(ctx, [inst])[0]!;
  const base = { InstanceId: inst.instance_id };
  switch (input.Attribute) {
    case 'instanceType':
      return { ...base, InstanceType: { Value: inst.instance_type } };
    case 'userData':
      return { ...base, UserData: inst.user_data ? { Value: inst.user_data } : {} };
    case 'disableApiTermination':
      return { ...base, DisableApiTermination: { Value: inst.disable_api_termination === 1 } };
    case 'disableApiStop':
      return { ...base, DisableApiStop: { Value: inst.disable_api_stop === 1 } };
    case 'instanceInitiatedShutdownBehavior':
      return { ...base, InstanceInitiatedShutdownBehavior: { Value: inst.shutdown_behavior } };
    case 'rootDeviceName':
      return { ...base, RootDeviceName: { Value: inst.root_device_name } };
    case 'blockDeviceMapping':
      return {
        ...base,
        BlockDeviceMappings: view.attachments.map((a) => ({
          DeviceName: a.device,
          Ebs: { AttachTime: new Date(a.attach_time), DeleteOnTermination: a.delete_on_termination === 1, Status: a.state, VolumeId: a.volume_id },
        })),
      };
    case 'productCodes':
      return { ...base, ProductCodes: [] };
    case 'sourceDestCheck':
      return { ...base, SourceDestCheck: { Value: view.enis[0]?.sourceDestCheck ?? true } };
    case 'groupSet':
      return { ...base, Groups: instanceGroups(view) };
    case 'ebsOptimized':
      return { ...base, EbsOptimized: { Value: inst.ebs_optimized === 1 } };
    case 'enaSupport':
      return { ...base, EnaSupport: { Value: true } };
    case 'sriovNetSupport':
      return { ...base, SriovNetSupport: {} };
    case 'kernel':
      return { ...base, KernelId: {} };
    case 'ramdisk':
      return { ...base, RamdiskId: {} };
    case 'enclaveOptions':
      return { ...base, EnclaveOptions: { Enabled: false } };
    default:
      throw unknownInstanceAttribute(input.Attribute);
  }
}
