/**
 * AWS::EFS::FileSystem, AWS::EFS::MountTarget and AWS::EFS::AccessPoint with real behaviour: a file
 * system is ready once `available`, a mount target once its interface is up (`available`), so
 * instances that DependsOn a mount target (§10.3) find the DNS name resolving when they boot.
 */
import {
  allTags,
  bool,
  ignoreNotFound,
  num,
  objList,
  randomSuffix,
  str,
  strList,
  type Json,
  type JsonObject,
  type ResourceCtx,
  type ResourceProvider,
} from '../../core/resource-provider';

type Obj = Record<string, unknown>;

async function describeFs(rc: ResourceCtx, id: string): Promise<Obj | undefined> {
  const out = await rc.call('elasticfilesystem', 'DescribeFileSystems', { FileSystemId: id }).catch(() => undefined);
  return (out?.FileSystems as Obj[] | undefined)?.[0];
}

async function describeMt(rc: ResourceCtx, id: string): Promise<Obj | undefined> {
  const out = await rc.call('elasticfilesystem', 'DescribeMountTargets', { MountTargetId: id }).catch(() => undefined);
  return (out?.MountTargets as Obj[] | undefined)?.[0];
}

const policies = (v: Json | undefined): Obj[] => objList(v).map((p) => Object.fromEntries(Object.entries(p).map(([k, x]) => [k, str(x)])));
const policyText = (v: Json | undefined): string | undefined => (v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v));

/** The settings that have operations of their own after CreateFileSystem. */
async function configure(rc: ResourceCtx, id: string, props: JsonObject, old?: JsonObject): Promise<void> {
  const changed = (k: string): boolean => JSON.stringify(props[k]) !== JSON.stringify(old?.[k]);
  if (props.LifecyclePolicies !== undefined && changed('LifecyclePolicies'))
    await rc.call('elasticfilesystem', 'PutLifecycleConfiguration', { FileSystemId: id, LifecyclePolicies: policies(props.LifecyclePolicies) });
  const backup = (props.BackupPolicy as JsonObject | undefined)?.Status;
  if (backup !== undefined && changed('BackupPolicy')) await rc.call('elasticfilesystem', 'PutBackupPolicy', { FileSystemId: id, BackupPolicy: { Status: str(backup) } });
  const policy = policyText(props.FileSystemPolicy);
  if (policy !== undefined && changed('FileSystemPolicy')) await rc.call('elasticfilesystem', 'PutFileSystemPolicy', { FileSystemId: id, Policy: policy });
  else if (policy === undefined && old?.FileSystemPolicy !== undefined) await rc.call('elasticfilesystem', 'DeleteFileSystemPolicy', { FileSystemId: id });
}

const fileSystem: ResourceProvider = {
  async create(rc, props) {
    const out = await rc.call('elasticfilesystem', 'CreateFileSystem', {
      CreationToken: `${rc.stackName}-${rc.logicalId}-${randomSuffix(12)}`.slice(0, 64),
      ...(props.PerformanceMode !== undefined ? { PerformanceMode: str(props.PerformanceMode) } : {}),
      ...(props.ThroughputMode !== undefined ? { ThroughputMode: str(props.ThroughputMode) } : {}),
      ...(props.ProvisionedThroughputInMibps !== undefined ? { ProvisionedThroughputInMibps: num(props.ProvisionedThroughputInMibps) } : {}),
      ...(props.Encrypted !== undefined ? { Encrypted: bool(props.Encrypted) } : {}),
      ...(props.KmsKeyId !== undefined ? { KmsKeyId: str(props.KmsKeyId) } : {}),
      ...(props.AvailabilityZoneName !== undefined ? { AvailabilityZoneName: str(props.AvailabilityZoneName) } : {}),
      Tags: allTags(rc, props, 'FileSystemTags'),
    });
    const id = String(out.FileSystemId);
    await rc.waitFor(async () => (await describeFs(rc, id))?.LifeCycleState === 'available', 1000, 120_000, `file system ${id} to be available`);
    await configure(rc, id, props);
    return { physicalId: id };
  },
  async ready(rc, id) {
    return (await describeFs(rc, id))?.LifeCycleState === 'available';
  },
  async attributes(rc, id) {
    const f = await describeFs(rc, id);
    return { Arn: String(f?.FileSystemArn ?? ''), FileSystemId: id };
  },
  async update(rc, id, props, old) {
    const mode = str(props.ThroughputMode) ?? 'bursting';
    if (mode !== (str(old.ThroughputMode) ?? 'bursting') || JSON.stringify(props.ProvisionedThroughputInMibps) !== JSON.stringify(old.ProvisionedThroughputInMibps))
      await rc.call('elasticfilesystem', 'UpdateFileSystem', { FileSystemId: id, ThroughputMode: mode, ...(mode === 'provisioned' ? { ProvisionedThroughputInMibps: num(props.ProvisionedThroughputInMibps) } : {}) });
    await configure(rc, id, props, old);
    await rc.call('elasticfilesystem', 'TagResource', { ResourceId: id, Tags: allTags(rc, props, 'FileSystemTags') });
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('elasticfilesystem', 'DeleteFileSystem', { FileSystemId: id }));
  },
  async find(rc) {
    const out = await rc.call('elasticfilesystem', 'DescribeFileSystems', {});
    const mine = (out.FileSystems as Obj[] | undefined)?.find((f) =>
      (f.Tags as { Key: string; Value: string }[]).some((t) => t.Key === 'aws:cloudformation:logical-id' && t.Value === rc.logicalId) &&
      (f.Tags as { Key: string; Value: string }[]).some((t) => t.Key === 'aws:cloudformation:stack-id' && t.Value === rc.stackId),
    );
    return mine ? String(mine.FileSystemId) : undefined;
  },
};

const mountTarget: ResourceProvider = {
  async create(rc, props) {
    const out = await rc.call('elasticfilesystem', 'CreateMountTarget', {
      FileSystemId: str(props.FileSystemId),
      SubnetId: str(props.SubnetId),
      ...(props.SecurityGroups !== undefined ? { SecurityGroups: strList(props.SecurityGroups) } : {}),
      ...(props.IpAddress !== undefined ? { IpAddress: str(props.IpAddress) } : {}),
    });
    return { physicalId: String(out.MountTargetId) };
  },
  async ready(rc, id) {
    return (await describeMt(rc, id))?.LifeCycleState === 'available';
  },
  async attributes(rc, id) {
    const m = await describeMt(rc, id);
    return { IpAddress: String(m?.IpAddress ?? ''), Id: id };
  },
  async update(rc, id, props) {
    await rc.call('elasticfilesystem', 'ModifyMountTargetSecurityGroups', { MountTargetId: id, SecurityGroups: strList(props.SecurityGroups) ?? [] });
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('elasticfilesystem', 'DeleteMountTarget', { MountTargetId: id }));
  },
};

const accessPoint: ResourceProvider = {
  async create(rc, props) {
    const posix = props.PosixUser as JsonObject | undefined;
    const root = props.RootDirectory as JsonObject | undefined;
    const info = root?.CreationInfo as JsonObject | undefined;
    const out = await rc.call('elasticfilesystem', 'CreateAccessPoint', {
      ClientToken: str(props.ClientToken) ?? `${rc.stackName}-${rc.logicalId}-${randomSuffix(8)}`.slice(0, 64),
      FileSystemId: str(props.FileSystemId),
      ...(posix ? { PosixUser: { Uid: num(posix.Uid), Gid: num(posix.Gid), ...(posix.SecondaryGids !== undefined ? { SecondaryGids: (strList(posix.SecondaryGids) ?? []).map(Number) } : {}) } } : {}),
      ...(root
        ? { RootDirectory: { ...(root.Path !== undefined ? { Path: str(root.Path) } : {}), ...(info ? { CreationInfo: { OwnerUid: num(info.OwnerUid), OwnerGid: num(info.OwnerGid), Permissions: str(info.Permissions) } } : {}) } }
        : {}),
      Tags: allTags(rc, props, 'AccessPointTags'),
    });
    return { physicalId: String(out.AccessPointId) };
  },
  async attributes(rc, id) {
    const out = await rc.call('elasticfilesystem', 'DescribeAccessPoints', { AccessPointId: id });
    const a = (out.AccessPoints as Obj[] | undefined)?.[0];
    return { Arn: String(a?.AccessPointArn ?? ''), AccessPointId: id };
  },
  async update(rc, id, props) {
    await rc.call('elasticfilesystem', 'TagResource', { ResourceId: id, Tags: allTags(rc, props, 'AccessPointTags') });
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('elasticfilesystem', 'DeleteAccessPoint', { AccessPointId: id }));
  },
};

export const efsCloudFormation: Record<string, ResourceProvider> = {
  'AWS::EFS::FileSystem': fileSystem,
  'AWS::EFS::MountTarget': mountTarget,
  'AWS::EFS::AccessPoint': accessPoint,
};
