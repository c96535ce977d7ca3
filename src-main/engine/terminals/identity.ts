/**
 * An instance's record as its guest needs it, read from EC2's tables (rank 6 may): image and OS,
 * hardware, interfaces with addresses and DNS names, volumes with their data ids, the key pair's
 * public key, user data and the instance profile's role.
 */
import type { Ctx } from '../core/provider';
import type { GuestIdentity, GuestInterface, GuestVolume } from '../guest/types';
import { findInstance, instanceStoreOf } from '../services/ec2/state/instances';
import { findImage } from '../services/ec2/state/images';
import { findInstanceType } from '../services/ec2/state/instance-types';
import { networkOfInstances, privateDnsName, publicDnsName } from '../services/ec2/state/instance-network';
import { findKeyPair } from '../services/ec2/state/key-pairs';

const GiB = 2 ** 30;

function cidrOf(ctx: Ctx, table: 'ec2_subnets' | 'ec2_vpcs', column: 'subnet_id' | 'vpc_id', id: string): string {
  const row = ctx.store.stmt(`SELECT cidr_block FROM ${table} WHERE ${column} = ?`).get(id) as { cidr_block: string } | undefined;
  return row?.cidr_block ?? '172.31.0.0/16';
}

function roleOfProfile(ctx: Ctx, profileArn: string): string | undefined {
  try {
    const row = ctx.store
      .stmt(
        `SELECT r.name AS name FROM iam_instance_profiles p JOIN iam_instance_profile_roles x ON x.profile_id = p.id
           JOIN iam_roles r ON r.id = x.role_id WHERE p.arn = ?`,
      )
      .get(profileArn) as { name: string } | undefined;
    return row?.name;
  } catch {
    // IAM's tables are not there (an engine without IAM): no role.
    return undefined;
  }
}

export function instanceIdentity(ctx: Ctx, instanceId: string): GuestIdentity | undefined {
  const row = findInstance(ctx, instanceId);
  if (!row) return undefined;
  const image = findImage(row.region, row.image_id);
  const type = findInstanceType(row.instance_type);
  const enis = networkOfInstances(ctx, [instanceId]).get(instanceId) ?? [];
  const interfaces: GuestInterface[] = enis
    .slice()
    .sort((a, b) => a.deviceIndex - b.deviceIndex)
    .map((e) => {
      const primary = e.privateIps.find((p) => p.primary)?.ip ?? e.privateIps[0]?.ip ?? '0.0.0.0';
      return {
        device: `eth${e.deviceIndex}`,
        mac: e.macAddress,
        privateIp: primary,
        ...(e.publicIp ? { publicIp: e.publicIp, publicDns: publicDnsName(row.region, e.publicIp) } : {}),
        subnetCidr: cidrOf(ctx, 'ec2_subnets', 'subnet_id', e.subnetId),
        vpcCidr: cidrOf(ctx, 'ec2_vpcs', 'vpc_id', e.vpcId),
        privateDns: privateDnsName(row.region, primary),
        subnetId: e.subnetId,
        vpcId: e.vpcId,
        securityGroups: e.groups.map((g) => ({ id: g.GroupId, name: g.GroupName })),
        interfaceId: e.eniId,
      };
    });
  const attachments = ctx.store
    .stmt(
      `SELECT a.device AS device, v.data_id AS data_id, v.size AS size, v.volume_type AS volume_type, v.volume_id AS volume_id, v.iops AS iops
         FROM ec2_volume_attachments a JOIN ec2_volumes v ON v.volume_id = a.volume_id
        WHERE a.instance_id = ? AND a.state IN ('attaching', 'attached')`,
    )
    .all(instanceId) as { device: string; data_id: string; size: number; volume_type: string; volume_id: string; iops: number | null }[];
  const volumes: GuestVolume[] = attachments.map((a) => ({
    device: a.device,
    dataId: a.data_id,
    sizeBytes: a.size * GiB,
    kind: 'ebs',
    volumeType: a.volume_type,
    volumeId: a.volume_id,
    ...(a.iops ? { iops: a.iops } : {}),
    ...(a.device === row.root_device_name ? { root: true } : {}),
  }));
  for (const d of instanceStoreOf(row)) volumes.push({ device: d.deviceName, dataId: d.dataId, sizeBytes: d.sizeGB * GiB, kind: 'instance-store' });
  const key = row.key_name ? findKeyPair(ctx, row.key_name) : undefined;
  const role = row.iam_profile_arn ? roleOfProfile(ctx, row.iam_profile_arn) : undefined;
  return {
    kind: 'instance',
    id: instanceId,
    accountId: row.account_id,
    region: row.region,
    availabilityZone: row.availability_zone,
    imageKey: image ? `${image.os.id}-${image.os.version}` : 'amzn-2017.09',
    imageId: row.image_id,
    defaultUser: image?.defaultUser ?? 'ec2-user',
    hardware: {
      instanceType: row.instance_type,
      vCpus: type?.vCpus ?? 1,
      memoryMiB: type?.memoryMiB ?? 1024,
      processor: type?.processor ?? 'Intel(R) Xeon(R) CPU E5-2676 v3 @ 2.40GHz',
      clockGhz: type?.sustainedClockSpeedGhz ?? 2.4,
    },
    interfaces,
    volumes,
    ...(row.key_name ? { keyName: row.key_name } : {}),
    ...(key ? { publicKey: key.public_key } : {}),
    ...(row.user_data ? { userData: Buffer.from(row.user_data, 'base64').toString('utf8') } : {}),
    ...(role ? { iamRole: role } : {}),
    ...(row.iam_profile_arn ? { instanceProfileArn: row.iam_profile_arn } : {}),
    launchTime: row.launch_time,
    amiLaunchIndex: row.ami_launch_index,
    reservationId: row.reservation_id,
  };
}
