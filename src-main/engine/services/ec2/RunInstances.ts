import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import {
  instanceLimitExceeded,
  invalidAmiIdMalformed,
  invalidAmiIdNotFound,
  invalidBlockDeviceMapping,
  invalidCount,
  invalidInstanceType,
  invalidKeyPairNotFound,
  minCountAboveMaxCount,
  missingParameter,
  networkInterfacesWithGroups,
  networkInterfacesWithSubnet,
  snapshotNotCompleted,
  userDataNotBase64,
  userDataTooLarge,
  volumeSmallerThanSnapshot,
} from './errors';
import { isWellFormedId } from './ids';
import { checkZone } from './CreateVolume';
import { findImage, findImageBySnapshot, type CatalogImage } from './state/images';
import { catchUp } from './state/instance-lifecycle';
import { instanceOutput, instanceViews } from './state/instance-output';
import { findInstanceType, type InstanceTypeInfo } from './state/instance-types';
import { countActiveInstances, instancesWithClientToken } from './state/instances';
import { findKeyPair } from './state/key-pairs';
import { instanceProfileOf, launchInstances, type LaunchPlan, type PlannedVolume } from './state/launch';
import { resolveSecurityGroups, resolveSubnetForLaunch } from './state/instance-networking';
import { getSnapshot } from './state/snapshots';
import { checkTagSpecifications } from './state/tags';
import { checkDeviceName, checkVolumeSpec } from './state/volumes';

/** Instances a region may run at once (pending, running, stopping) before InstanceLimitExceeded. */
export const INSTANCE_LIMIT = 32;
/** User data may be 16 KB before base64 encoding (§5.3.1). */
export const MAX_USER_DATA_BYTES = 16384;
/** Instance types launched when RunInstances names none (AWS's own default, m1.small, is retired). */
export const DEFAULT_INSTANCE_TYPE = 't2.micro';

type RunInput = Ec2Input<'RunInstances'>;

export function checkImage(ctx: Ctx, imageId: string | undefined): CatalogImage {
  if (imageId === undefined || imageId === '') throw missingParameter('ImageId');
  if (!isWellFormedId('ami', imageId)) throw invalidAmiIdMalformed(imageId);
  const image = findImage(ctx.region, imageId);
  if (!image) throw invalidAmiIdNotFound([imageId]);
  return image;
}

export function checkInstanceType(name: string | undefined): InstanceTypeInfo {
  const type = findInstanceType(name ?? DEFAULT_INSTANCE_TYPE);
  if (!type) throw invalidInstanceType(name!);
  return type;
}

export function checkUserData(userData: string | undefined): string | null {
  if (userData === undefined || userData === '') return null;
  const compact = userData.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) throw userDataNotBase64();
  if (Buffer.from(compact, 'base64').length > MAX_USER_DATA_BYTES) throw userDataTooLarge();
  return compact;
}

/** The root volume from the AMI plus the mappings the request adds or overrides (§9.2 instance store). */
export function planBlockDevices(
  ctx: Ctx,
  image: CatalogImage,
  type: InstanceTypeInfo,
  mappings: RunInput['BlockDeviceMappings'],
): { volumes: PlannedVolume[]; instanceStore: { deviceName: string; virtualName: string }[] } {
  const norm = (d: string) => (d.startsWith('/dev/') ? d : `/dev/${d}`);
  const rootName = image.rootDeviceName;
  const requested = mappings ?? [];
  const rootOverride = requested.find((m) => m.DeviceName !== undefined && norm(m.DeviceName) === rootName);
  const rootEbs = rootOverride?.Ebs;
  if (rootEbs?.VolumeSize !== undefined && rootEbs.VolumeSize < image.rootVolumeSize)
    throw volumeSmallerThanSnapshot(rootEbs.VolumeSize, image.snapshotId, image.rootVolumeSize);
  const volumes: PlannedVolume[] = [
    {
      deviceName: rootName,
      spec: checkVolumeSpec({
        type: rootEbs?.VolumeType ?? image.volumeType,
        size: rootEbs?.VolumeSize ?? image.rootVolumeSize,
        iops: rootEbs?.Iops,
        throughput: rootEbs?.Throughput,
      }),
      deleteOnTermination: rootEbs?.DeleteOnTermination ?? true,
      encrypted: rootEbs?.Encrypted ?? false,
      snapshotId: image.snapshotId,
      fromDataId: image.dataId,
    },
  ];
  const instanceStore: { deviceName: string; virtualName: string }[] = [];
  const suppressed = new Set(requested.filter((m) => m.NoDevice !== undefined && m.DeviceName).map((m) => norm(m.DeviceName!)));
  const explicit = new Set<string>([rootName]);
  for (const m of requested) {
    if (m.DeviceName === undefined) throw missingParameter('BlockDeviceMapping.DeviceName');
    const device = norm(m.DeviceName);
    if (device === rootName || m.NoDevice !== undefined) continue;
    if (explicit.has(device)) throw invalidBlockDeviceMapping(`The device '${device}' is used in more than one block-device mapping`);
    explicit.add(device);
    if (m.VirtualName !== undefined) {
      if (!/^ephemeral\d+$/.test(m.VirtualName)) throw invalidBlockDeviceMapping(`Invalid virtual name: ${m.VirtualName}`);
      // A type without instance store ignores ephemeral mappings, as EC2 does.
      if (type.instanceStorage && Number(m.VirtualName.slice(9)) < type.instanceStorage.count)
        instanceStore.push({ deviceName: device, virtualName: m.VirtualName });
      continue;
    }
    checkDeviceName(device);
    const ebs = m.Ebs;
    if (!ebs) throw missingParameter(`BlockDeviceMapping.Ebs`);
    let fromDataId: string | undefined;
    let snapshotSize: number | undefined;
    if (ebs.SnapshotId) {
      const image2 = findImageBySnapshot(ctx.region, ebs.SnapshotId);
      if (image2) {
        fromDataId = image2.dataId;
        snapshotSize = image2.rootVolumeSize;
      } else {
        const snap = getSnapshot(ctx, ebs.SnapshotId);
        if (snap.state !== 'completed') throw snapshotNotCompleted(snap.snapshot_id);
        fromDataId = snap.data_id;
        snapshotSize = snap.volume_size;
      }
    }
    const size = ebs.VolumeSize ?? snapshotSize;
    if (size === undefined) throw missingParameter('BlockDeviceMapping.Ebs.VolumeSize');
    if (snapshotSize !== undefined && size < snapshotSize) throw volumeSmallerThanSnapshot(size, ebs.SnapshotId!, snapshotSize);
    volumes.push({
      deviceName: device,
      spec: checkVolumeSpec({ type: ebs.VolumeType, size, iops: ebs.Iops, throughput: ebs.Throughput }),
      deleteOnTermination: ebs.DeleteOnTermination ?? true,
      encrypted: ebs.Encrypted ?? false,
      snapshotId: ebs.SnapshotId,
      fromDataId,
    });
  }
  // Ephemeral mappings the AMI itself declares (Ubuntu's /dev/sdb, /dev/sdc), unless suppressed.
  for (const e of image.ephemeralMappings ?? []) {
    if (suppressed.has(e.deviceName) || explicit.has(e.deviceName)) continue;
    if (type.instanceStorage && Number(e.virtualName.slice(9)) < type.instanceStorage.count) instanceStore.push(e);
  }
  return { volumes, instanceStore };
}

/** Validates everything a launch needs, before any write; the same checks serve spot requests. */
export function planLaunch(ctx: Ctx, input: RunInput, count: { min: number; max: number }): LaunchPlan {
  if (count.min < 1) throw invalidCount('minCount', count.min);
  if (count.max < 1) throw invalidCount('maxCount', count.max);
  if (count.min > count.max) throw minCountAboveMaxCount(count.min, count.max);
  const image = checkImage(ctx, input.ImageId);
  const type = checkInstanceType(input.InstanceType);
  if (input.KeyName !== undefined && !findKeyPair(ctx, input.KeyName)) throw invalidKeyPairNotFound(input.KeyName);
  const userData = checkUserData(input.UserData);
  const nic = (input.NetworkInterfaces ?? []).find((n) => (n.DeviceIndex ?? 0) === 0);
  if (nic && input.SubnetId !== undefined) throw networkInterfacesWithSubnet();
  if (nic && (input.SecurityGroupIds?.length || input.SecurityGroups?.length)) throw networkInterfacesWithGroups();
  const zone = input.Placement?.AvailabilityZone;
  if (zone !== undefined) checkZone(ctx, zone);
  const subnet = resolveSubnetForLaunch(ctx, { subnetId: nic?.SubnetId ?? input.SubnetId, availabilityZone: zone });
  const groupIds = resolveSecurityGroups(ctx, subnet.vpc_id, {
    ids: nic?.Groups ?? input.SecurityGroupIds,
    names: input.SecurityGroups,
    subnetId: subnet.subnet_id,
  });
  const { volumes, instanceStore } = planBlockDevices(ctx, image, type, input.BlockDeviceMappings);
  const specs = checkTagSpecifications(ctx, input.TagSpecifications, ['instance', 'volume', 'network-interface']);
  const active = countActiveInstances(ctx);
  if (active + count.min > INSTANCE_LIMIT) throw instanceLimitExceeded(active + count.min, INSTANCE_LIMIT);
  return {
    image,
    type,
    count: Math.min(count.max, INSTANCE_LIMIT - active),
    keyName: input.KeyName ?? null,
    subnet,
    groupIds,
    privateIp: nic?.PrivateIpAddress ?? input.PrivateIpAddress,
    publicIp: nic?.AssociatePublicIpAddress,
    userData,
    iamProfile: instanceProfileOf(ctx, input.IamInstanceProfile),
    monitoring: input.Monitoring?.Enabled === true,
    disableApiTermination: input.DisableApiTermination === true,
    shutdownBehavior: input.InstanceInitiatedShutdownBehavior === 'terminate' ? 'terminate' : 'stop',
    ebsOptimized: input.EbsOptimized === true,
    clientToken: input.ClientToken ?? null,
    volumes,
    instanceStore,
    tags: { instance: specs.get('instance') ?? [], volume: specs.get('volume') ?? [], networkInterface: specs.get('network-interface') ?? [] },
  };
}

/** Launches MinCount..MaxCount instances in one reservation (§3.1, §4.2.4). */
export function RunInstances(ctx: Ctx, input: RunInput): Ec2Output<'RunInstances'> {
  catchUp(ctx);
  if (input.ClientToken) {
    // Clients (the AWS CLI among them) send a ClientToken with every launch: a retry returns the first result.
    const earlier = instancesWithClientToken(ctx, input.ClientToken);
    if (earlier.length) return reservationOutput(ctx, earlier[0]!.reservation_id, earlier);
  }
  const plan = planLaunch(ctx, input, { min: input.MinCount, max: input.MaxCount });
  checkDryRun(input);
  const { reservationId, instances } = launchInstances(ctx, plan);
  return reservationOutput(ctx, reservationId, instances);
}

function reservationOutput(ctx: Ctx, reservationId: string, rows: Parameters<typeof instanceViews>[1]): Ec2Output<'RunInstances'> {
  return {
    Groups: [],
    Instances: instanceViews(ctx, rows).map((v) => instanceOutput(ctx, v)) as Ec2Output<'RunInstances'>['Instances'],
    OwnerId: ctx.accountId,
    ReservationId: reservationId,
  };
}
