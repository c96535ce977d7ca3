/** Instances, Elastic IPs, NAT gateways, EBS volumes and key pairs. */
import { ec2Create, tagSpec, updateTags } from './common';
import { bool, clean, generatedName, ignoreNotFound, num, objList, str, strList, type ResourceCtx, type ResourceProvider, type Json, type JsonObject } from '../../../core/resource-provider';

async function describeInstance(rc: ResourceCtx, id: string): Promise<Record<string, any> | undefined> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const out = await rc.call('ec2', 'DescribeInstances', { InstanceIds: [id] });
  return out.Reservations?.[0]?.Instances?.[0];
}

function blockDevices(v: Json | undefined) {
  const list = objList(v).map((m) => {
    const ebs = m.Ebs as JsonObject | undefined;
    return clean({
      DeviceName: str(m.DeviceName),
      VirtualName: str(m.VirtualName),
      NoDevice: m.NoDevice !== undefined ? '' : undefined,
      Ebs: ebs
        ? clean({
            VolumeSize: num(ebs.VolumeSize),
            VolumeType: str(ebs.VolumeType),
            DeleteOnTermination: bool(ebs.DeleteOnTermination),
            Iops: num(ebs.Iops),
            SnapshotId: str(ebs.SnapshotId),
            Encrypted: bool(ebs.Encrypted),
          })
        : undefined,
    });
  });
  return list.length ? list : undefined;
}

function networkInterfaces(v: Json | undefined) {
  const list = objList(v).map((n) =>
    clean({
      AssociatePublicIpAddress: bool(n.AssociatePublicIpAddress),
      DeleteOnTermination: bool(n.DeleteOnTermination),
      Description: str(n.Description),
      DeviceIndex: num(n.DeviceIndex),
      Groups: strList(n.GroupSet),
      NetworkInterfaceId: str(n.NetworkInterfaceId),
      PrivateIpAddress: str(n.PrivateIpAddress),
      SubnetId: str(n.SubnetId),
    }),
  );
  return list.length ? list : undefined;
}

/** IamInstanceProfile takes a name or an ARN. */
const profileSpec = (v: Json | undefined) => {
  const s = str(v);
  if (s === undefined) return undefined;
  return s.startsWith('arn:') ? { Arn: s } : { Name: s };
};

const instance: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'RunInstances', {
      ImageId: str(props.ImageId),
      InstanceType: str(props.InstanceType),
      KeyName: str(props.KeyName),
      SecurityGroupIds: strList(props.SecurityGroupIds),
      SecurityGroups: strList(props.SecurityGroups),
      SubnetId: str(props.SubnetId),
      PrivateIpAddress: str(props.PrivateIpAddress),
      UserData: str(props.UserData),
      IamInstanceProfile: profileSpec(props.IamInstanceProfile),
      NetworkInterfaces: networkInterfaces(props.NetworkInterfaces),
      BlockDeviceMappings: blockDevices(props.BlockDeviceMappings),
      Placement: props.AvailabilityZone !== undefined || props.Tenancy !== undefined ? clean({ AvailabilityZone: str(props.AvailabilityZone), Tenancy: str(props.Tenancy) }) : undefined,
      DisableApiTermination: bool(props.DisableApiTermination),
      EbsOptimized: bool(props.EbsOptimized),
      InstanceInitiatedShutdownBehavior: str(props.InstanceInitiatedShutdownBehavior),
      Monitoring: props.Monitoring !== undefined ? { Enabled: bool(props.Monitoring) ?? false } : undefined,
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: tagSpec(rc, 'instance', props),
    });
    return { physicalId: String(out.Instances[0].InstanceId) };
  },
  async ready(rc, id) {
    const i = await describeInstance(rc, id);
    const state = i?.State?.Name;
    if (state === 'terminated' || state === 'shutting-down') throw new Error(`Instance ${id} entered ${state} state while launching`);
    return state === 'running';
  },
  async attributes(rc, id) {
    const i = (await describeInstance(rc, id)) ?? {};
    return {
      InstanceId: id,
      AvailabilityZone: i.Placement?.AvailabilityZone ?? null,
      PrivateDnsName: i.PrivateDnsName ?? '',
      PrivateIp: i.PrivateIpAddress ?? null,
      PublicDnsName: i.PublicDnsName ?? '',
      PublicIp: i.PublicIpAddress ?? '',
      VpcId: i.VpcId ?? null,
    };
  },
  async update(rc, id, props, old) {
    const changed = (k: string) => JSON.stringify(props[k] ?? null) !== JSON.stringify(old[k] ?? null);
    const needsStop = ['InstanceType', 'UserData', 'EbsOptimized', 'KernelId', 'RamdiskId'].filter(changed);
    if (needsStop.length) {
      await rc.call('ec2', 'StopInstances', { InstanceIds: [id] });
      await rc.waitFor(async () => (await describeInstance(rc, id))?.State?.Name === 'stopped', 5_000, 600_000, `instance ${id} to stop`);
      if (changed('InstanceType')) await rc.call('ec2', 'ModifyInstanceAttribute', { InstanceId: id, InstanceType: { Value: str(props.InstanceType) } });
      if (changed('UserData')) {
        await rc.call('ec2', 'ModifyInstanceAttribute', { InstanceId: id, UserData: { Value: Buffer.from(str(props.UserData) ?? '', 'base64') } });
      }
      if (changed('EbsOptimized')) await rc.call('ec2', 'ModifyInstanceAttribute', { InstanceId: id, EbsOptimized: { Value: bool(props.EbsOptimized) ?? false } });
      await rc.call('ec2', 'StartInstances', { InstanceIds: [id] });
      await rc.waitFor(async () => (await describeInstance(rc, id))?.State?.Name === 'running', 5_000, 600_000, `instance ${id} to start`);
    }
    if (changed('SecurityGroupIds')) await rc.call('ec2', 'ModifyInstanceAttribute', { InstanceId: id, Groups: strList(props.SecurityGroupIds) });
    if (changed('SourceDestCheck')) await rc.call('ec2', 'ModifyInstanceAttribute', { InstanceId: id, SourceDestCheck: { Value: bool(props.SourceDestCheck) ?? true } });
    if (changed('DisableApiTermination')) {
      await rc.call('ec2', 'ModifyInstanceAttribute', { InstanceId: id, DisableApiTermination: { Value: bool(props.DisableApiTermination) ?? false } });
    }
    if (changed('Tags')) await updateTags(rc, id, props, old);
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'TerminateInstances', { InstanceIds: [id] }));
    await rc.waitFor(
      async () => {
        const s = (await describeInstance(rc, id).catch(() => undefined))?.State?.Name;
        return s === undefined || s === 'terminated';
      },
      5_000,
      900_000,
      `instance ${id} to terminate`,
    );
  },
};

const eip: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'AllocateAddress', { Domain: str(props.Domain) ?? 'vpc', TagSpecifications: tagSpec(rc, 'elastic-ip', props) });
    if (props.InstanceId !== undefined) await rc.call('ec2', 'AssociateAddress', { AllocationId: out.AllocationId, InstanceId: str(props.InstanceId) });
    return { physicalId: String(out.PublicIp), attributes: { AllocationId: out.AllocationId ?? null, PublicIp: out.PublicIp } };
  },
  async update(rc, id, props, old, attrs) {
    if (str(props.InstanceId) !== str(old.InstanceId)) {
      await disassociate(rc, String(attrs.AllocationId));
      if (props.InstanceId !== undefined) await rc.call('ec2', 'AssociateAddress', { AllocationId: attrs.AllocationId, InstanceId: str(props.InstanceId) });
    }
    if (JSON.stringify(props.Tags) !== JSON.stringify(old.Tags)) await updateTags(rc, String(attrs.AllocationId), props, old);
    void id;
  },
  async delete(rc, _id, _props, attrs) {
    await disassociate(rc, String(attrs.AllocationId));
    await ignoreNotFound(rc.call('ec2', 'ReleaseAddress', { AllocationId: attrs.AllocationId }));
  },
};

async function disassociate(rc: ResourceCtx, allocationId: string): Promise<void> {
  const out = await rc.call('ec2', 'DescribeAddresses', { AllocationIds: [allocationId] }).catch(() => ({ Addresses: [] }));
  const assoc = out.Addresses?.[0]?.AssociationId;
  if (assoc) await ignoreNotFound(rc.call('ec2', 'DisassociateAddress', { AssociationId: assoc }));
}

const eipAssociation: ResourceProvider = {
  async create(rc, props) {
    const out = await rc.call(
      'ec2',
      'AssociateAddress',
      clean({
        AllocationId: str(props.AllocationId),
        PublicIp: str(props.EIP),
        InstanceId: str(props.InstanceId),
        NetworkInterfaceId: str(props.NetworkInterfaceId),
        PrivateIpAddress: str(props.PrivateIpAddress),
      }),
    );
    const id = String(out.AssociationId ?? generatedName(rc, 40));
    return { physicalId: id, attributes: { Id: id } };
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DisassociateAddress', { AssociationId: id }));
  },
};

const natGateway: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'CreateNatGateway', {
      SubnetId: str(props.SubnetId),
      AllocationId: str(props.AllocationId),
      ConnectivityType: str(props.ConnectivityType),
      PrivateIpAddress: str(props.PrivateIpAddress),
      TagSpecifications: tagSpec(rc, 'natgateway', props),
    });
    const id = String(out.NatGateway.NatGatewayId);
    return { physicalId: id, attributes: { NatGatewayId: id } };
  },
  async ready(rc, id) {
    const gw = (await rc.call('ec2', 'DescribeNatGateways', { NatGatewayIds: [id] })).NatGateways?.[0];
    if (gw?.State === 'failed') throw new Error(gw.FailureMessage ?? `NAT gateway ${id} failed`);
    return gw === undefined || gw.State === 'available';
  },
  update: (rc, id, props, old) => updateTags(rc, id, props, old),
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteNatGateway', { NatGatewayId: id }));
  },
};

const volume: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'CreateVolume', {
      AvailabilityZone: str(props.AvailabilityZone),
      Size: num(props.Size),
      VolumeType: str(props.VolumeType),
      Iops: num(props.Iops),
      Throughput: num(props.Throughput),
      SnapshotId: str(props.SnapshotId),
      Encrypted: bool(props.Encrypted),
      KmsKeyId: str(props.KmsKeyId),
      TagSpecifications: tagSpec(rc, 'volume', props),
    });
    return { physicalId: String(out.VolumeId), attributes: { VolumeId: out.VolumeId } };
  },
  async ready(rc, id) {
    const v = (await rc.call('ec2', 'DescribeVolumes', { VolumeIds: [id] })).Volumes?.[0];
    return v === undefined || v.State === 'available' || v.State === 'in-use';
  },
  async update(rc, id, props, old) {
    const changed = ['Size', 'VolumeType', 'Iops', 'Throughput'].some((k) => JSON.stringify(props[k]) !== JSON.stringify(old[k]));
    if (changed) {
      await rc.call('ec2', 'ModifyVolume', clean({ VolumeId: id, Size: num(props.Size), VolumeType: str(props.VolumeType), Iops: num(props.Iops), Throughput: num(props.Throughput) }));
    }
    await updateTags(rc, id, props, old);
  },
  async snapshot(rc, id) {
    await rc.call('ec2', 'CreateSnapshot', { VolumeId: id, Description: `Snapshot of ${rc.stackName}/${rc.logicalId} taken by CloudFormation on delete` });
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteVolume', { VolumeId: id }));
  },
};

const volumeAttachment: ResourceProvider = {
  async create(rc, props) {
    await rc.call('ec2', 'AttachVolume', { Device: str(props.Device), InstanceId: str(props.InstanceId), VolumeId: str(props.VolumeId) });
    return { physicalId: generatedName(rc, 40) };
  },
  async ready(rc, _id, props) {
    const v = (await rc.call('ec2', 'DescribeVolumes', { VolumeIds: [str(props.VolumeId)] })).Volumes?.[0];
    const a = (v?.Attachments ?? []).find((x: { InstanceId: string }) => x.InstanceId === str(props.InstanceId));
    return !a || a.State === 'attached';
  },
  async delete(rc, _id, props) {
    await ignoreNotFound(rc.call('ec2', 'DetachVolume', { VolumeId: str(props.VolumeId), InstanceId: str(props.InstanceId), Device: str(props.Device) }));
    await rc.waitFor(
      async () => {
        const v = (await rc.call('ec2', 'DescribeVolumes', { VolumeIds: [str(props.VolumeId)] }).catch(() => ({ Volumes: [] }))).Volumes?.[0];
        return !v || !(v.Attachments ?? []).some((x: { InstanceId: string }) => x.InstanceId === str(props.InstanceId));
      },
      2_000,
      300_000,
      `volume ${str(props.VolumeId)} to detach`,
    );
  },
};

const keyPair: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.KeyName)!;
    const out =
      props.PublicKeyMaterial !== undefined
        ? await ec2Create(rc, 'ImportKeyPair', { KeyName: name, PublicKeyMaterial: Buffer.from(str(props.PublicKeyMaterial)!, 'utf8'), TagSpecifications: tagSpec(rc, 'key-pair', props) })
        : await ec2Create(rc, 'CreateKeyPair', { KeyName: name, KeyType: str(props.KeyType), KeyFormat: str(props.KeyFormat), TagSpecifications: tagSpec(rc, 'key-pair', props) });
    return { physicalId: name, attributes: { KeyPairId: out.KeyPairId ?? null, KeyFingerprint: out.KeyFingerprint ?? null } };
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteKeyPair', { KeyName: id }));
  },
};

export const ec2ComputeProviders: Record<string, ResourceProvider> = {
  'AWS::EC2::Instance': instance,
  'AWS::EC2::EIP': eip,
  'AWS::EC2::EIPAssociation': eipAssociation,
  'AWS::EC2::NatGateway': natGateway,
  'AWS::EC2::Volume': volume,
  'AWS::EC2::VolumeAttachment': volumeAttachment,
  'AWS::EC2::KeyPair': keyPair,
};
