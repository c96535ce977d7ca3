import { streaming, type Ctx } from '../../core/provider';
import { engineFamily } from './engines';
import { invalidDBSnapshotState } from './errors';
import { launchInstance } from './launch';
import { extraOf, instanceOutput } from './output';
import type { InstanceRow } from './state/instances';
import { getSnapshot } from './state/snapshots';
import type { RdsInput, RdsOutput } from './types';

/** A new instance whose engine folder starts as a copy of the snapshot's (same data, same master user and password). */
export const RestoreDBInstanceFromDBSnapshot = streaming(
  async (ctx: Ctx, input: RdsInput<'RestoreDBInstanceFromDBSnapshot'>): Promise<RdsOutput<'RestoreDBInstanceFromDBSnapshot'>> => {
    const snap = ctx.store.read(() => getSnapshot(ctx, input.DBSnapshotIdentifier!));
    if (snap.status !== 'available') throw invalidDBSnapshotState('Snapshot must be in available state to restore.');
    const src = JSON.parse(snap.instance) as InstanceRow;
    const f = engineFamily(src.engine)!;
    const row = await launchInstance(ctx, {
      id: input.DBInstanceIdentifier,
      engine: src.engine,
      engineVersion: src.engine_version,
      instanceClass: input.DBInstanceClass ?? src.instance_class,
      allocatedStorage: input.AllocatedStorage ?? src.allocated_storage,
      storageType: input.StorageType ?? src.storage_type,
      masterUsername: src.master_username,
      masterPassword: src.master_password,
      ...(src.db_name ? { dbName: src.db_name } : {}),
      port: input.Port ?? src.port ?? f.defaultPort,
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
      extra: { ...extraOf(src), pending: {}, restoredFrom: snap.id },
      fromSnapshotResourceId: snap.resource_id,
    });
    return { DBInstance: instanceOutput(ctx, row) };
  },
);
