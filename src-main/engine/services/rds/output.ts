/** The API's view of rows: DBInstance, DBSubnetGroup, DBSnapshot. */
import type { Ctx } from '../../core/provider';
import type { DBInstance, DBSnapshot, DBSubnetGroup } from '../../models/generated/rds';
import { applyStatus } from './parameter-apply';
import { extraOf, type InstanceExtra } from './instance-extra';

export { extraOf, type InstanceExtra };
import { endpointAddress, instanceArn, snapshotArn, subnetGroupArn } from './naming';
import { effectiveStatus, type InstanceRow } from './state/instances';
import { findSubnetGroup, subnetsOf, type SubnetGroupRow } from './state/subnet-groups';
import type { SnapshotRow } from './state/snapshots';

type Tag = { Key?: string; Value?: string };

export function subnetGroupOutput(g: SubnetGroupRow): DBSubnetGroup {
  return {
    DBSubnetGroupName: g.name,
    DBSubnetGroupDescription: g.description,
    VpcId: g.vpc_id,
    SubnetGroupStatus: 'Complete',
    Subnets: subnetsOf(g).map((s) => ({ SubnetIdentifier: s.id, SubnetAvailabilityZone: { Name: s.az }, SubnetOutpost: {}, SubnetStatus: 'Active' })),
    DBSubnetGroupArn: subnetGroupArn(g.region, g.account_id, g.name),
    SupportedNetworkTypes: ['IPV4'],
  };
}

/** Extra settings kept as JSON (less often read than the columns). */


function replicasOf(ctx: Ctx, row: InstanceRow): string[] {
  const now = ctx.clock.now();
  return (ctx.store.stmt("SELECT * FROM rds_instances WHERE account_id = ? AND region = ? AND json_extract(extra, '$.replicaOfResourceId') = ? ORDER BY id").all(row.account_id, row.region, row.resource_id) as InstanceRow[])
    .filter((r) => effectiveStatus(r, now) !== 'deleted')
    .map((r) => r.id);
}

export function instanceOutput(ctx: Ctx, row: InstanceRow): DBInstance {
  const status = effectiveStatus(row, ctx.clock.now());
  const extra = extraOf(row);
  const group = row.subnet_group ? findSubnetGroup(ctx, row.subnet_group) : undefined;
  const created = status !== 'creating';
  const family = row.engine === 'postgres' ? 'postgres' : row.engine;
  const major = row.engine === 'postgres' ? row.engine_version.split('.')[0] : row.engine_version.split('.').slice(0, 2).join('.');
  return {
    DBInstanceIdentifier: row.id,
    DBInstanceClass: row.instance_class,
    Engine: row.engine,
    DBInstanceStatus: status,
    MasterUsername: row.master_username,
    ...(row.db_name ? { DBName: row.db_name } : {}),
    // AWS shows the endpoint once the instance has been created.
    ...(created ? { Endpoint: { Address: endpointAddress(row.id, row.account_id, row.region), Port: row.port, HostedZoneId: 'Z2R2ITUGPM61AM' } } : {}),
    AllocatedStorage: row.allocated_storage,
    ...(created ? { InstanceCreateTime: new Date(row.created_at) } : {}),
    PreferredBackupWindow: row.backup_window,
    BackupRetentionPeriod: row.backup_retention,
    DBSecurityGroups: [],
    VpcSecurityGroups: (JSON.parse(row.security_groups) as string[]).map((id) => ({ VpcSecurityGroupId: id, Status: 'active' })),
    DBParameterGroups: [{ DBParameterGroupName: extra.parameterGroup ?? `default.${family}${major}`, ParameterApplyStatus: applyStatus(ctx, row) }],
    ...(row.availability_zone ? { AvailabilityZone: row.availability_zone } : {}),
    ...(group ? { DBSubnetGroup: subnetGroupOutput(group) } : {}),
    PreferredMaintenanceWindow: row.maintenance_window,
    PendingModifiedValues: extra.pending ?? {},
    ...(created && row.backup_retention > 0 ? { LatestRestorableTime: new Date(ctx.clock.now()) } : {}),
    MultiAZ: row.multi_az === 1,
    EngineVersion: row.engine_version,
    AutoMinorVersionUpgrade: extra.autoMinorVersionUpgrade ?? true,
    ReadReplicaDBInstanceIdentifiers: replicasOf(ctx, row),
    ...(row.multi_az && extra.standby ? { SecondaryAvailabilityZone: extra.standby.az } : {}),
    ReadReplicaDBClusterIdentifiers: [],
    LicenseModel: row.engine === 'postgres' ? 'postgresql-license' : 'general-public-license',
    OptionGroupMemberships: [{ OptionGroupName: `default:${family}-${String(major).replace('.', '-')}`, Status: 'in-sync' }],
    PubliclyAccessible: row.publicly_accessible === 1,
    StorageType: row.storage_type,
    DbInstancePort: 0,
    StorageEncrypted: false,
    DbiResourceId: row.resource_id,
    CACertificateIdentifier: 'rds-ca-rsa2048-g1',
    DomainMemberships: [],
    CopyTagsToSnapshot: extra.copyTagsToSnapshot ?? false,
    MonitoringInterval: 0,
    DBInstanceArn: instanceArn(row.region, row.account_id, row.id),
    IAMDatabaseAuthenticationEnabled: false,
    PerformanceInsightsEnabled: false,
    DeletionProtection: row.deletion_protection === 1,
    AssociatedRoles: [],
    TagList: JSON.parse(row.tags) as Tag[],
    CustomerOwnedIpEnabled: false,
    BackupTarget: 'region',
    NetworkType: 'IPV4',
    ...(extra.readReplicaSource
      ? { ReadReplicaSourceDBInstanceIdentifier: extra.readReplicaSource, StatusInfos: [{ StatusType: 'read replication', Normal: true, Status: status === 'available' ? 'replicating' : status === 'creating' ? 'initializing' : 'stopped' }] }
      : {}),
  };
}

export function snapshotOutput(s: SnapshotRow): DBSnapshot {
  const i = JSON.parse(s.instance) as InstanceRow;
  return {
    DBSnapshotIdentifier: s.id,
    DBInstanceIdentifier: s.instance_id,
    SnapshotCreateTime: new Date(s.created_at),
    Engine: i.engine,
    AllocatedStorage: i.allocated_storage,
    Status: s.status,
    Port: i.port,
    ...(i.availability_zone ? { AvailabilityZone: i.availability_zone } : {}),
    ...(i.vpc_id ? { VpcId: i.vpc_id } : {}),
    InstanceCreateTime: new Date(i.created_at),
    MasterUsername: i.master_username,
    EngineVersion: i.engine_version,
    LicenseModel: i.engine === 'postgres' ? 'postgresql-license' : 'general-public-license',
    SnapshotType: s.snapshot_type,
    PercentProgress: s.status === 'available' ? 100 : 0,
    StorageType: i.storage_type,
    Encrypted: false,
    DBSnapshotArn: snapshotArn(s.region, s.account_id, s.id),
    IAMDatabaseAuthenticationEnabled: false,
    DbiResourceId: s.instance_resource_id,
    TagList: JSON.parse(s.tags) as Tag[],
    OriginalSnapshotCreateTime: new Date(s.created_at),
    SnapshotTarget: 'region',
  };
}
