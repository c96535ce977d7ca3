/** The API's Instance structure (DescribeInstances, RunInstances), built for many instances at once. */
import type { Ctx } from '../../../core/provider';
import { findImage } from './images';
import { findInstanceType } from './instance-types';
import { networkInterfacesOutput, networkOfInstances, privateDnsName, publicDnsName, type EniView } from './instance-network';
import { STATE_CODES, type InstanceRow } from './instances';
import { tagsByResource, type Tag } from './tags';
import type { AttachmentRow } from './volumes';

export interface InstanceView {
  row: InstanceRow;
  enis: EniView[];
  attachments: AttachmentRow[];
  tags: Tag[];
}

/** Loads what the output needs for each row (three or four queries whatever the count). */
export function instanceViews(ctx: Ctx, rows: readonly InstanceRow[]): InstanceView[] {
  const ids = rows.map((r) => r.instance_id);
  const network = networkOfInstances(ctx, ids);
  const tags = tagsByResource(ctx, ids);
  const attachments = new Map<string, AttachmentRow[]>();
  if (ids.length) {
    const list = ctx.store
      .stmt(
        `SELECT * FROM ec2_volume_attachments WHERE account_id = ? AND region = ? AND instance_id IN (SELECT value FROM json_each(?))
         ORDER BY attach_time, rowid`,
      )
      .all(ctx.accountId, ctx.region, JSON.stringify(ids)) as AttachmentRow[];
    for (const a of list) {
      let l = attachments.get(a.instance_id);
      if (!l) attachments.set(a.instance_id, (l = []));
      l.push(a);
    }
  }
  return rows.map((row) => ({
    row,
    enis: row.state === 'terminated' ? [] : (network.get(row.instance_id) ?? []),
    attachments: attachments.get(row.instance_id) ?? [],
    tags: tags.get(row.instance_id) ?? [],
  }));
}

export const primaryEni = (v: InstanceView): EniView | undefined => v.enis.find((e) => e.deviceIndex === 0);
export const primaryPrivateIp = (v: InstanceView): string | undefined => primaryEni(v)?.privateIps.find((p) => p.primary)?.ip;
export const instancePublicIp = (v: InstanceView): string | undefined => primaryEni(v)?.publicIp;
export const instanceGroups = (v: InstanceView): { GroupId: string; GroupName: string }[] => primaryEni(v)?.groups ?? [];

export function instanceOutput(ctx: Ctx, v: InstanceView): Record<string, unknown> {
  const r = v.row;
  const type = findInstanceType(r.instance_type);
  const image = findImage(ctx.region, r.image_id);
  const eni = primaryEni(v);
  const privateIp = primaryPrivateIp(v);
  const publicIp = instancePublicIp(v);
  const terminated = r.state === 'terminated';
  return {
    AmiLaunchIndex: r.ami_launch_index,
    ImageId: r.image_id,
    InstanceId: r.instance_id,
    InstanceType: r.instance_type,
    KeyName: r.key_name ?? undefined,
    LaunchTime: new Date(r.launch_time),
    Monitoring: { State: r.monitoring },
    Placement: { AvailabilityZone: r.availability_zone, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: !terminated && privateIp ? privateDnsName(ctx.region, privateIp) : '',
    PrivateIpAddress: terminated ? undefined : privateIp,
    ProductCodes: [],
    PublicDnsName: publicIp && eni?.dnsHostnames ? publicDnsName(ctx.region, publicIp) : '',
    PublicIpAddress: publicIp,
    State: { Code: STATE_CODES[r.state], Name: r.state },
    StateTransitionReason: r.state_transition_reason,
    SubnetId: terminated ? undefined : r.subnet_id,
    VpcId: terminated ? undefined : r.vpc_id,
    Architecture: image?.architecture ?? 'x86_64',
    BlockDeviceMappings: v.attachments.map((a) => ({
      DeviceName: a.device,
      Ebs: { AttachTime: new Date(a.attach_time), DeleteOnTermination: a.delete_on_termination === 1, Status: a.state, VolumeId: a.volume_id },
    })),
    ClientToken: r.client_token ?? '',
    EbsOptimized: r.ebs_optimized === 1,
    EnaSupport: type ? type.enaSupport !== 'unsupported' : true,
    Hypervisor: 'xen',
    IamInstanceProfile: r.iam_profile_arn ? { Arn: r.iam_profile_arn, Id: r.iam_profile_id ?? undefined } : undefined,
    InstanceLifecycle: r.spot_request_id ? 'spot' : undefined,
    NetworkInterfaces: networkInterfacesOutput(ctx, v.enis),
    RootDeviceName: r.root_device_name,
    RootDeviceType: 'ebs',
    SecurityGroups: instanceGroups(v),
    SourceDestCheck: eni ? eni.sourceDestCheck : undefined,
    SpotInstanceRequestId: r.spot_request_id ?? undefined,
    StateReason: r.state_reason_code ? { Code: r.state_reason_code, Message: r.state_reason_message ?? '' } : undefined,
    Tags: v.tags.length ? v.tags : undefined,
    VirtualizationType: image?.virtualizationType ?? 'hvm',
    CpuOptions: type ? { CoreCount: type.defaultCores, ThreadsPerCore: type.defaultThreadsPerCore } : undefined,
    CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
    HibernationOptions: { Configured: false },
    MetadataOptions: {
      State: 'applied',
      HttpTokens: image?.imdsSupport === 'v2.0' ? 'required' : 'optional',
      HttpPutResponseHopLimit: image?.imdsSupport === 'v2.0' ? 2 : 1,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    EnclaveOptions: { Enabled: false },
    BootMode: image?.bootMode,
    PlatformDetails: image?.platformDetails ?? 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    UsageOperationUpdateTime: new Date(r.launch_time),
    PrivateDnsNameOptions: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    MaintenanceOptions: { AutoRecovery: 'default' },
    CurrentInstanceBootMode: image?.bootMode === 'uefi-preferred' ? 'uefi' : 'legacy-bios',
  };
}
