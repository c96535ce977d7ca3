/**
 * Launching instances (RunInstances, spot fulfilment) and what their state changes do to the
 * resources around them: public addresses come and go with `running`, EBS volumes marked
 * DeleteOnTermination and the instance's interfaces go with `terminated`.
 */
import type { Ctx } from '../../../core/provider';
import { awsUniqueId } from '../../../ids';
import { ec2Id } from '../ids';
import type { CatalogImage } from './images';
import { copyVolumeData } from './instance-lifecycle';
import type { InstanceTypeInfo } from './instance-types';
import {
  appendConsoleOutput,
  findInstance,
  setInstanceState,
  setInstanceStateEffects,
  type InstanceRow,
  type InstanceStoreDisk,
} from './instances';
import { createPrimaryNetworkInterface, releaseInstanceNetworking, startInstanceNetworking, stopInstanceNetworking } from './instance-networking';
import type { SubnetRow } from './subnets';
import { setTags, type Tag } from './tags';
import { attach, attachmentsOfInstance, deleteVolumeNow, finishDetach, findVolume, insertVolume, type VolumeSpec } from './volumes';

export interface PlannedVolume {
  deviceName: string;
  spec: VolumeSpec;
  deleteOnTermination: boolean;
  encrypted: boolean;
  snapshotId?: string;
  /** Data to copy into the new volume (AMI root or snapshot), if any. */
  fromDataId?: string;
}

export interface LaunchPlan {
  image: CatalogImage;
  type: InstanceTypeInfo;
  count: number;
  keyName: string | null;
  subnet: SubnetRow;
  groupIds: string[];
  privateIp?: string;
  /** AssociatePublicIpAddress; undefined = the subnet's MapPublicIpOnLaunch. */
  publicIp?: boolean;
  userData: string | null;
  iamProfile: { arn: string; id: string } | null;
  monitoring: boolean;
  disableApiTermination: boolean;
  shutdownBehavior: 'stop' | 'terminate';
  ebsOptimized: boolean;
  clientToken: string | null;
  volumes: PlannedVolume[];
  instanceStore: { deviceName: string; virtualName: string }[];
  tags: { instance: Tag[]; volume: Tag[]; networkInterface: Tag[] };
  spotRequestId?: string;
}

/** The instance profile as EC2 shows it: its ARN and an id EC2 made up for it (AIPA…). */
export function instanceProfileOf(ctx: Ctx, spec: { Arn?: string; Name?: string } | undefined): { arn: string; id: string } | null {
  if (!spec || (!spec.Arn && !spec.Name)) return null;
  return { arn: spec.Arn ?? `arn:aws:iam::${ctx.accountId}:instance-profile/${spec.Name}`, id: awsUniqueId('AIPA') };
}

export function launchInstances(ctx: Ctx, plan: LaunchPlan): { reservationId: string; instances: InstanceRow[] } {
  const reservationId = ec2Id('r');
  const now = ctx.clock.now();
  const instances: InstanceRow[] = [];
  for (let index = 0; index < plan.count; index++) {
    const instanceId = ec2Id('i');
    const store: InstanceStoreDisk[] = plan.instanceStore.map((d, n) => ({
      deviceName: d.deviceName,
      virtualName: d.virtualName,
      sizeGB: plan.type.instanceStorage?.sizeGB ?? 0,
      type: plan.type.instanceStorage?.type ?? 'ssd',
      dataId: `ephemeral:${instanceId}:${n}`,
    }));
    ctx.store
      .stmt(
        `INSERT INTO ec2_instances (account_id, region, instance_id, reservation_id, requester_id, ami_launch_index, image_id,
           instance_type, key_name, state, launch_time, availability_zone, subnet_id, vpc_id, root_device_name, user_data,
           iam_profile_arn, iam_profile_id, monitoring, disable_api_termination, shutdown_behavior, ebs_optimized, client_token,
           spot_request_id, instance_store)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        ctx.accountId, ctx.region, instanceId, reservationId, plan.spotRequestId ? 'AIDAIS5PNHZU4OBSLVEOU' : null, index,
        plan.image.imageId, plan.type.instanceType, plan.keyName, now, plan.subnet.availability_zone, plan.subnet.subnet_id,
        plan.subnet.vpc_id, plan.image.rootDeviceName, plan.userData, plan.iamProfile?.arn ?? null, plan.iamProfile?.id ?? null,
        plan.monitoring ? 'enabled' : 'disabled', plan.disableApiTermination ? 1 : 0, plan.shutdownBehavior, plan.ebsOptimized ? 1 : 0,
        plan.clientToken, plan.spotRequestId ?? null, store.length ? JSON.stringify(store) : null,
      );
    const net = createPrimaryNetworkInterface(ctx, {
      subnetId: plan.subnet.subnet_id,
      groupIds: plan.groupIds,
      privateIp: index === 0 ? plan.privateIp : undefined,
      instanceId,
      associatePublicIp: plan.publicIp,
    });
    if (plan.tags.networkInterface.length) setTags(ctx, net.networkInterfaceId, plan.tags.networkInterface);
    for (const v of plan.volumes) {
      const volume = insertVolume(ctx, {
        ...v.spec,
        availabilityZone: plan.subnet.availability_zone,
        snapshotId: v.snapshotId,
        encrypted: v.encrypted,
        available: true,
      });
      if (v.fromDataId) copyVolumeData(ctx, v.fromDataId, volume.data_id);
      attach(ctx, volume.volume_id, instanceId, v.deviceName, v.deleteOnTermination, true);
      if (plan.tags.volume.length) setTags(ctx, volume.volume_id, plan.tags.volume);
    }
    if (plan.tags.instance.length) setTags(ctx, instanceId, plan.tags.instance);
    const row = findInstance(ctx, instanceId)!;
    instances.push(setInstanceState(ctx, row, 'pending', { at: now, reason: { code: 'pending', message: 'pending' } }));
  }
  return { reservationId, instances };
}

/** A short Linux boot log, until the guest layer writes the real one through appendConsoleOutput. */
function bootLog(inst: InstanceRow, at: number): string {
  const t = (s: number) => `[${s.toFixed(6).padStart(12)}]`;
  return [
    `${t(0)} Linux version 4.14.33-51.37.amzn1.x86_64 (mockbuild@gobi-build-64002) #1 SMP`,
    `${t(0)} Command line: root=LABEL=/ console=tty1 console=ttyS0 selinux=0 nvme_core.io_timeout=4294967295`,
    `${t(0.5)} Booting paravirtualized kernel on Xen HVM`,
    `${t(1.2)} EXT4-fs (xvda1): mounted filesystem with ordered data mode. Opts: (null)`,
    `Cloud-init v. 0.7.6 running 'init-local' at ${new Date(at).toUTCString()}. Up 3.10 seconds.`,
    `Cloud-init v. 0.7.6 running 'init' at ${new Date(at).toUTCString()}. Up 4.27 seconds.`,
    `ci-info: +++++++++++++++++++++++Net device info++++++++++++++++++++++++`,
    `Cloud-init v. 0.7.6 finished at ${new Date(at).toUTCString()}. Datasource DataSourceEc2.  Up 9.41 seconds`,
    `${inst.instance_id} login: `,
    '',
  ].join('\n');
}

setInstanceStateEffects({
  onRunning(ctx, inst, at) {
    appendConsoleOutput(ctx, inst.instance_id, bootLog(inst, at));
  },
  // A stopped instance loses its AWS public address and gets a new one when it starts (§3.4),
  // unless an Elastic IP holds its primary address.
  onStopped(ctx, inst) {
    stopInstanceNetworking(ctx, inst.instance_id);
  },
  onTerminated(ctx, inst, at) {
    for (const a of attachmentsOfInstance(ctx, inst.instance_id)) {
      const volume = findVolume(ctx, a.volume_id);
      finishDetach(ctx, a.volume_id);
      if (volume && a.delete_on_termination === 1) deleteVolumeNow(ctx, volume, at);
    }
    releaseInstanceNetworking(ctx, inst.instance_id);
  },
  onVanish() {},
});

/** Starts a stopped instance again (StartInstances): pending, then running on the clock. */
export function startInstance(ctx: Ctx, inst: InstanceRow): InstanceRow {
  const pending = setInstanceState(ctx, inst, 'pending', { transitionReason: '', reason: { code: 'pending', message: 'pending' } });
  startInstanceNetworking(ctx, inst.instance_id);
  return pending;
}
