import { streaming, type Ctx } from '../../core/provider';
import { dbInstanceNotFound, invalidDBInstanceState, invalidParameterCombination } from './errors';
import { inheritedExtra, launchInstance } from './launch';
import { extraOf, instanceOutput } from './output';
import { baseBackup } from './RestoreDBInstanceToPointInTime';
import { runtimeOf, snapshotLogOffset } from './runtime';
import { effectiveStatus, findInstance } from './state/instances';
import type { RdsInput, RdsOutput } from './types';

/**
 * A read replica: its own engine, started from the primary's newest automated backup, then
 * following the primary's write log from where that backup stands (a real replication stream, applied with the lag it really
 * has); it refuses writes until promoted.
 */
export const CreateDBInstanceReadReplica = streaming(
  async (ctx: Ctx, input: RdsInput<'CreateDBInstanceReadReplica'>): Promise<RdsOutput<'CreateDBInstanceReadReplica'>> => {
    const sourceId = input.SourceDBInstanceIdentifier ?? '';
    // Cross-region replicas name their source by ARN.
    if (sourceId.startsWith('arn:') && sourceId.split(':')[3] !== ctx.region) throw invalidParameterCombination('Cross-region read replicas are not simulated in Nimbus Lab yet.');
    const primary = ctx.store.read(() => findInstance(ctx, sourceId.split(':').at(-1) ?? sourceId));
    if (!primary) throw dbInstanceNotFound(sourceId);
    if (effectiveStatus(primary, ctx.clock.now()) !== 'available') throw invalidDBInstanceState(`DB instance ${primary.id} is not in available state.`);
    if (extraOf(primary).readReplicaSource) throw invalidParameterCombination('Read replicas of read replicas are not simulated in Nimbus Lab yet.');
    if (primary.backup_retention === 0)
      throw invalidDBInstanceState('Automated backups are not enabled for this database instance. To enable automated backups, use ModifyDBInstance to set the backup retention period to a non-zero value.');
    // Built from the primary's newest backup, then catching up on its log: the primary is not disturbed.
    const base = ctx.store.read(() => baseBackup(ctx, primary, ctx.clock.now()));
    if (!base) throw invalidDBInstanceState(`DB instance ${primary.id} has no completed backup yet; try again once its first backup has finished.`);
    const row = await launchInstance(ctx, {
      id: input.DBInstanceIdentifier,
      engine: primary.engine,
      engineVersion: primary.engine_version,
      instanceClass: input.DBInstanceClass ?? primary.instance_class,
      allocatedStorage: primary.allocated_storage,
      storageType: input.StorageType ?? primary.storage_type,
      masterUsername: primary.master_username,
      masterPassword: primary.master_password,
      ...(primary.db_name ? { dbName: primary.db_name } : {}),
      port: input.Port ?? primary.port,
      ...(input.DBSubnetGroupName ? { subnetGroup: input.DBSubnetGroupName } : primary.subnet_group ? { subnetGroup: primary.subnet_group } : {}),
      securityGroups: input.VpcSecurityGroupIds?.length ? input.VpcSecurityGroupIds : (JSON.parse(primary.security_groups) as string[]),
      ...(input.AvailabilityZone ? { availabilityZone: input.AvailabilityZone } : {}),
      publiclyAccessible: input.PubliclyAccessible ?? primary.publicly_accessible === 1,
      multiAz: input.MultiAZ ?? false,
      // A MySQL replica keeps no backups of its own until promoted.
      backupRetention: 0,
      backupWindow: primary.backup_window,
      maintenanceWindow: primary.maintenance_window,
      deletionProtection: input.DeletionProtection ?? false,
      tags: input.Tags ?? [],
      extra: {
        ...inheritedExtra(primary),
        readReplicaSource: primary.id,
        replicaOfResourceId: primary.resource_id,
        ...(input.DBParameterGroupName ? { parameterGroup: input.DBParameterGroupName } : {}),
      },
      fromSnapshotResourceId: base.resource_id,
      replicaPos: snapshotLogOffset(runtimeOf(ctx.store), base.resource_id),
    });
    return { DBInstance: instanceOutput(ctx, row) };
  },
);
