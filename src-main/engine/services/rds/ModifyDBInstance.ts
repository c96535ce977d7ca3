import { streaming, type Ctx } from '../../core/provider';
import { checkPassword } from './CreateDBInstance';
import { checkIdentifier } from './launch';
import { ec2Caller } from './ec2';
import { armBackups } from './backups';
import { arm, DURATION } from './lifecycle';
import { dbInstanceAlreadyExists, dbInstanceNotFound, invalidDBInstanceState, invalidParameterCombination, invalidParameterValue } from './errors';
import { extraOf, instanceOutput } from './output';
import { defineEngine, enqueue, runtimeOf } from './runtime';
import { effectiveStatus, findInstance, getInstance, setStatus, updateInstance, type InstanceRow } from './state/instances';
import type { RdsInput, RdsOutput } from './types';

/**
 * Changes an instance. The master password is applied to the engine at once (AWS does not wait for
 * the maintenance window for it); class, storage and the like apply now with ApplyImmediately and
 * are shown as pending otherwise. New security groups go onto the instance's network interface.
 */
export const ModifyDBInstance = streaming(async (ctx: Ctx, input: RdsInput<'ModifyDBInstance'>): Promise<RdsOutput<'ModifyDBInstance'>> => {
  const row0 = ctx.store.read(() => findInstance(ctx, input.DBInstanceIdentifier));
  if (!row0) throw dbInstanceNotFound(input.DBInstanceIdentifier);
  if (effectiveStatus(row0, ctx.clock.now()) !== 'available') throw invalidDBInstanceState(`Database instance is not in available state.`);
  if (input.MasterUserPassword !== undefined) checkPassword(input.MasterUserPassword);
  if (input.AllocatedStorage !== undefined && input.AllocatedStorage < row0.allocated_storage)
    throw invalidParameterValue('Invalid storage size for engine name ' + row0.engine + ' and storage type ' + row0.storage_type + ': ' + input.AllocatedStorage);
  if (input.BackupRetentionPeriod !== undefined && (input.BackupRetentionPeriod < 0 || input.BackupRetentionPeriod > 35))
    throw invalidParameterValue('The parameter BackupRetentionPeriod must be between 0 and 35.');
  if (input.NewDBInstanceIdentifier) {
    checkIdentifier(input.NewDBInstanceIdentifier);
    if (findInstance(ctx, input.NewDBInstanceIdentifier)) throw dbInstanceAlreadyExists();
    throw invalidParameterCombination('Renaming a DB instance is not simulated in Nimbus Lab yet.');
  }
  let groups: string[] | undefined;
  if (input.VpcSecurityGroupIds?.length && row0.eni_id) {
    await ec2Caller(ctx.call, ctx.accountId, ctx.region)('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: row0.eni_id, Groups: input.VpcSecurityGroupIds });
    groups = input.VpcSecurityGroupIds;
  }
  const now = input.ApplyImmediately ?? false;
  const changes: Partial<InstanceRow> = {};
  const pending: Record<string, unknown> = { ...(extraOf(row0).pending ?? {}) };
  const deferrable = (member: string, column: keyof InstanceRow, value: unknown) => {
    if (value === undefined) return;
    if (now) (changes as Record<string, unknown>)[column] = value;
    else pending[member] = value;
  };
  deferrable('DBInstanceClass', 'instance_class', input.DBInstanceClass);
  deferrable('AllocatedStorage', 'allocated_storage', input.AllocatedStorage);
  deferrable('StorageType', 'storage_type', input.StorageType);
  deferrable('EngineVersion', 'engine_version', input.EngineVersion);
  if (input.MultiAZ !== undefined) deferrable('MultiAZ', 'multi_az', input.MultiAZ ? 1 : 0);
  if (input.MasterUserPassword !== undefined) changes.master_password = input.MasterUserPassword;
  if (groups) changes.security_groups = JSON.stringify(groups);
  if (input.BackupRetentionPeriod !== undefined) changes.backup_retention = input.BackupRetentionPeriod;
  if (input.PreferredBackupWindow !== undefined) changes.backup_window = input.PreferredBackupWindow;
  if (input.PreferredMaintenanceWindow !== undefined) changes.maintenance_window = input.PreferredMaintenanceWindow;
  if (input.DeletionProtection !== undefined) changes.deletion_protection = input.DeletionProtection ? 1 : 0;
  if (input.PubliclyAccessible !== undefined) changes.publicly_accessible = input.PubliclyAccessible ? 1 : 0;
  const extra = extraOf(row0);
  if (input.DBParameterGroupName !== undefined) extra.parameterGroup = input.DBParameterGroupName;
  if (input.CopyTagsToSnapshot !== undefined) extra.copyTagsToSnapshot = input.CopyTagsToSnapshot;
  if (input.AutoMinorVersionUpgrade !== undefined) extra.autoMinorVersionUpgrade = input.AutoMinorVersionUpgrade;
  extra.pending = pending;
  changes.extra = JSON.stringify(extra);
  const heavy = now && (input.DBInstanceClass !== undefined || input.AllocatedStorage !== undefined || input.StorageType !== undefined || input.EngineVersion !== undefined || input.MultiAZ !== undefined);
  const { row, out } = ctx.commit(() => {
    let r = updateInstance(ctx, getInstance(ctx, input.DBInstanceIdentifier), changes);
    if (heavy) r = setStatus(ctx, r, 'modifying', { status: 'available', afterMs: DURATION.modify });
    else if (input.MasterUserPassword !== undefined) r = setStatus(ctx, r, 'resetting-master-credentials', { status: 'available', afterMs: DURATION.credentials });
    // This answer shows the new password as pending (masked), as AWS's does.
    const shown = { ...r, extra: JSON.stringify({ ...extra, pending: { ...pending, ...(input.MasterUserPassword !== undefined ? { MasterUserPassword: '****' } : {}) } }) };
    return { row: r, out: instanceOutput(ctx, shown) };
  });
  const rt = runtimeOf(ctx.store);
  arm(rt, row);
  armBackups(rt);
  defineEngine(rt, row);
  if (input.MasterUserPassword !== undefined && rt.supervisor.status(row.resource_id)?.state === 'running') {
    const password = input.MasterUserPassword;
    void enqueue(rt, row.resource_id, async () => {
      await rt.supervisor.request(row.resource_id, 'setMasterPassword', { user: row.master_username, password });
    });
  }
  return { DBInstance: out };
});
