/**
 * What CreateDBInstance and RestoreDBInstanceFromDBSnapshot share: placing the instance in a subnet
 * of its subnet group (or of the default VPC), giving it a network interface there with its
 * security groups, and recording it as `creating` with its engine warming up in the background.
 */
import type { Ctx } from '../../core/provider';
import { armBackups } from './backups';
import { arm, DURATION } from './lifecycle';
import { ec2Caller, ec2Code, type Ec2Answer } from './ec2';
import {
  dbInstanceAlreadyExists,
  dbSubnetGroupDoesNotCoverEnoughAZs,
  invalidParameterCombination,
  invalidParameterValue,
  invalidVPCNetworkState,
} from './errors';
import { newResourceId, validIdentifier } from './naming';
import { defineEngine, prewarm, restoreJob, runtimeOf, type ReplayRange } from './runtime';
import { automatedId, takeSnapshot } from './snapshot-job';
import { recordEvent } from './state/events';
import { findInstance, insertInstance, type InstanceRow } from './state/instances';
import { getSubnetGroup, subnetsOf, type SubnetRef } from './state/subnet-groups';
import { extraOf, type InstanceExtra } from './output';

export interface LaunchSettings {
  id: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  allocatedStorage: number;
  storageType: string;
  masterUsername: string;
  masterPassword: string;
  dbName?: string;
  port: number;
  subnetGroup?: string;
  securityGroups?: string[];
  availabilityZone?: string;
  publiclyAccessible?: boolean;
  multiAz: boolean;
  backupRetention: number;
  backupWindow: string;
  maintenanceWindow: string;
  deletionProtection: boolean;
  tags: { Key?: string; Value?: string }[];
  extra: Record<string, unknown>;
  /** Restore: the snapshot whose folder becomes this instance's. */
  fromSnapshotResourceId?: string;
  /** Point in time: the source's writes to apply on top of that snapshot. */
  replay?: ReplayRange;
  /** Read replica: where in the primary's write log the snapshot (the primary's backup) stands. */
  replicaPos?: number;
}

/** What a restore (from a snapshot or to a point in time) asks for beyond the source's own settings. */
export interface RestoreChoices {
  DBInstanceClass?: string;
  AllocatedStorage?: number;
  StorageType?: string;
  Port?: number;
  DBSubnetGroupName?: string;
  VpcSecurityGroupIds?: string[];
  AvailabilityZone?: string;
  PubliclyAccessible?: boolean;
  MultiAZ?: boolean;
  DeletionProtection?: boolean;
  Tags?: { Key?: string; Value?: string }[];
}

/** A restored instance's settings: the source's, with what the restore call changes. */
export function restoredSettings(src: InstanceRow, input: RestoreChoices, id: string): Omit<LaunchSettings, 'extra'> {
  return {
    id,
    engine: src.engine,
    engineVersion: src.engine_version,
    instanceClass: input.DBInstanceClass ?? src.instance_class,
    allocatedStorage: input.AllocatedStorage ?? src.allocated_storage,
    storageType: input.StorageType ?? src.storage_type,
    masterUsername: src.master_username,
    masterPassword: src.master_password,
    ...(src.db_name ? { dbName: src.db_name } : {}),
    port: input.Port ?? src.port,
    ...(input.DBSubnetGroupName ? { subnetGroup: input.DBSubnetGroupName } : src.subnet_group ? { subnetGroup: src.subnet_group } : {}),
    ...(input.VpcSecurityGroupIds?.length ? { securityGroups: input.VpcSecurityGroupIds } : {}),
    ...(input.AvailabilityZone ? { availabilityZone: input.AvailabilityZone } : {}),
    publiclyAccessible: input.PubliclyAccessible ?? src.publicly_accessible === 1,
    multiAz: input.MultiAZ ?? false,
    backupRetention: src.backup_retention,
    backupWindow: src.backup_window,
    maintenanceWindow: src.maintenance_window,
    deletionProtection: input.DeletionProtection ?? false,
    tags: input.Tags ?? [],
  };
}

/** The source's extra settings a new instance made from it keeps (not its replication, standby or history). */
export function inheritedExtra(src: InstanceRow): InstanceExtra {
  const { readReplicaSource: _r, replicaOfResourceId: _o, standby: _s, pointInTime: _p, failover: _f, promoted: _m, restoredFrom: _from, ...rest } = extraOf(src);
  return { ...rest, pending: {} };
}

export const checkIdentifier = (id: string): void => {
  if (!validIdentifier(id))
    throw invalidParameterValue(
      'The parameter DBInstanceIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.',
    );
};

async function defaultSubnets(ec2: (op: string, input: Record<string, unknown>) => Promise<Ec2Answer>): Promise<{ vpcId: string; subnets: SubnetRef[] }> {
  const vpcs = (await ec2('DescribeVpcs', { Filters: [{ Name: 'isDefault', Values: ['true'] }] })).Vpcs ?? [];
  const vpcId = vpcs[0]?.VpcId as string | undefined;
  if (!vpcId) throw invalidVPCNetworkState('Default VPC does not exist. Specify a DB subnet group.');
  const subnets = ((await ec2('DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })).Subnets ?? []) as { SubnetId: string; AvailabilityZone: string }[];
  return { vpcId, subnets: subnets.map((s) => ({ id: s.SubnetId, az: s.AvailabilityZone })) };
}

export async function launchInstance(ctx: Ctx, s: LaunchSettings): Promise<InstanceRow> {
  checkIdentifier(s.id);
  if (findInstance(ctx, s.id)) throw dbInstanceAlreadyExists();
  const ec2 = ec2Caller(ctx.call, ctx.accountId, ctx.region);
  let vpcId: string;
  let subnets: SubnetRef[];
  if (s.subnetGroup) {
    const g = getSubnetGroup(ctx, s.subnetGroup);
    vpcId = g.vpc_id;
    subnets = subnetsOf(g);
  } else ({ vpcId, subnets } = await defaultSubnets(ec2));
  subnets = [...subnets].sort((a, b) => a.az.localeCompare(b.az) || a.id.localeCompare(b.id));
  const subnet = s.availabilityZone ? subnets.find((x) => x.az === s.availabilityZone) : subnets[0];
  if (!subnet) {
    if (s.availabilityZone) throw invalidParameterCombination(`No subnets found in the DB subnet group for Availability Zone ${s.availabilityZone}.`);
    throw invalidVPCNetworkState('The DB subnet group has no subnets.');
  }
  if (s.multiAz && s.availabilityZone) throw invalidParameterCombination('Requesting a specific availability zone is not valid for Multi-AZ instances.');
  // Multi-AZ: the standby lives in another zone of the same subnets; a failover moves the endpoint there.
  const standby = s.multiAz ? subnets.find((x) => x.az !== subnet.az) : undefined;
  if (s.multiAz && !standby) throw dbSubnetGroupDoesNotCoverEnoughAZs();
  let eni: Ec2Answer;
  try {
    eni = (
      await ec2('CreateNetworkInterface', {
        SubnetId: subnet.id,
        Description: 'RDSNetworkInterface',
        ...(s.securityGroups?.length ? { Groups: s.securityGroups } : {}),
      })
    ).NetworkInterface as Ec2Answer;
  } catch (err) {
    const code = ec2Code(err);
    if (code === 'InvalidGroup.NotFound' || code === 'InvalidSecurityGroupID.NotFound') throw invalidParameterValue(`Invalid security group , groupId= ${s.securityGroups?.join(', ')}, groupName=.`);
    if (code?.startsWith('InvalidParameter') || code === 'InvalidGroup.NotFound') throw invalidParameterCombination('The DB instance and EC2 security group are in different VPCs.');
    throw err;
  }
  const groups = ((eni.Groups ?? []) as { GroupId: string }[]).map((g) => g.GroupId);
  const now = ctx.clock.now();
  const row: InstanceRow = {
    account_id: ctx.accountId,
    region: ctx.region,
    id: s.id.toLowerCase(),
    resource_id: newResourceId(),
    engine: s.engine,
    engine_version: s.engineVersion,
    instance_class: s.instanceClass,
    allocated_storage: s.allocatedStorage,
    storage_type: s.storageType,
    master_username: s.masterUsername,
    master_password: s.masterPassword,
    db_name: s.dbName ?? null,
    port: s.port,
    subnet_group: s.subnetGroup ?? null,
    vpc_id: vpcId,
    security_groups: JSON.stringify(groups),
    availability_zone: subnet.az,
    publicly_accessible: s.publiclyAccessible ? 1 : 0,
    multi_az: s.multiAz ? 1 : 0,
    backup_retention: s.backupRetention,
    backup_window: s.backupWindow,
    maintenance_window: s.maintenanceWindow,
    deletion_protection: s.deletionProtection ? 1 : 0,
    eni_id: eni.NetworkInterfaceId as string,
    private_ip: eni.PrivateIpAddress as string,
    status: 'creating',
    status_until: now + DURATION.create,
    next_status: 'available',
    created_at: now,
    tags: JSON.stringify(s.tags),
    extra: JSON.stringify({ ...s.extra, ...(standby ? { standby: { subnetId: standby.id, az: standby.az } } : {}) }),
  };
  const rt = runtimeOf(ctx.store);
  ctx.commit(() => {
    if (findInstance(ctx, s.id)) throw dbInstanceAlreadyExists();
    insertInstance(ctx, row);
    if (s.fromSnapshotResourceId) void restoreJob(rt, row, s.fromSnapshotResourceId, s.replay, s.replicaPos);
    recordEvent(ctx, ctx, { sourceId: row.id, sourceType: 'db-instance', message: 'Creating DB instance', categories: ['creation'], eventId: 'RDS-EVENT-0005' });
    // The first automated backup is the folder as the engine first opens it: the base every point in time replays onto.
    if (row.backup_retention > 0) takeSnapshot(ctx, row, automatedId(row, now), 'automated');
  });
  arm(rt, row);
  armBackups(rt);
  defineEngine(rt, row);
  prewarm(rt, row);
  return row;
}
