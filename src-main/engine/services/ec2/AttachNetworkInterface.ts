import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { deviceIndexInUse, interfaceInOtherZone, invalidInstanceIdNotFound, invalidParameterValue, networkInterfaceAlreadyAttached } from './errors';
import { instanceInfo } from './state/instance-lookup';
import { attachEni, enisOfInstance, getEni } from './state/network-interfaces';
import { findSubnet } from './state/subnets';
import type { Ec2Input, Ec2Output } from './types';

/** A second (third...) interface for an instance in the same zone, at a free device index. */
export function AttachNetworkInterface(ctx: Ctx, input: Ec2Input<'AttachNetworkInterface'>): Ec2Output<'AttachNetworkInterface'> {
  const eni = getEni(ctx, input.NetworkInterfaceId);
  const inst = instanceInfo(ctx, input.InstanceId);
  if (!inst || inst.state === 'terminated' || inst.state === 'shutting-down') throw invalidInstanceIdNotFound([input.InstanceId]);
  if (eni.attachment_id || eni.requester_managed === 1) throw networkInterfaceAlreadyAttached(eni.eni_id);
  if (!Number.isInteger(input.DeviceIndex) || input.DeviceIndex < 1 || input.DeviceIndex > 31)
    throw invalidParameterValue(`Value (${input.DeviceIndex}) for parameter deviceIndex is invalid.`);
  if (findSubnet(ctx, inst.subnetId)?.availability_zone !== eni.availability_zone) throw interfaceInOtherZone(eni.eni_id, inst.instanceId);
  if (enisOfInstance(ctx, inst.instanceId).some((e) => e.device_index === input.DeviceIndex)) throw deviceIndexInUse(inst.instanceId, input.DeviceIndex);
  checkDryRun(input);
  const attachmentId = attachEni(ctx, eni.eni_id, inst.instanceId, input.DeviceIndex, false);
  return { AttachmentId: attachmentId, NetworkCardIndex: 0 };
}
