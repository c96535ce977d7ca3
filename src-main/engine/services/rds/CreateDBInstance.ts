import { streaming, type Ctx } from '../../core/provider';
import { engineFamily, resolveVersion } from './engines';
import { invalidParameterCombination, invalidParameterValue } from './errors';
import { launchInstance } from './launch';
import { familyOf } from './parameters';
import { getParameterGroup, userValues } from './state/parameter-groups';
import { instanceOutput } from './output';
import type { RdsInput, RdsOutput } from './types';

const CLASS = /^db\.[a-z0-9]+\.[a-z0-9-]+$/;

/** Validates what AWS validates before anything is made, with AWS's messages. */
export function checkCreate(input: RdsInput<'CreateDBInstance'>): void {
  const f = engineFamily(input.Engine);
  if (!f) {
    if (/^(aurora|oracle|sqlserver|db2|custom)/.test(input.Engine)) throw invalidParameterValue(`The engine ${input.Engine} is not simulated in Nimbus Lab; use mysql, mariadb or postgres.`);
    throw invalidParameterValue(`Invalid DB engine: ${input.Engine}`);
  }
  if (!CLASS.test(input.DBInstanceClass)) throw invalidParameterValue(`Invalid DB Instance class: ${input.DBInstanceClass}`);
  if (input.EngineVersion && !resolveVersion(f, input.EngineVersion))
    throw invalidParameterCombination(`Cannot find version ${input.EngineVersion} for ${input.Engine}`);
  const storage = input.AllocatedStorage;
  if (storage === undefined) throw invalidParameterValue('Invalid storage size for engine name ' + input.Engine + ' and storage type ' + (input.StorageType ?? 'gp2') + ': null');
  if (storage < 20 || storage > 65536) throw invalidParameterValue(`Invalid storage size for engine name ${input.Engine} and storage type ${input.StorageType ?? 'gp2'}: ${storage}`);
  if (!input.MasterUsername) throw invalidParameterValue('The parameter MasterUsername must be provided and must not be blank.');
  if (!/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(input.MasterUsername))
    throw invalidParameterValue('The parameter MasterUsername is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and underscores.');
  if (input.MasterUsername.toLowerCase() === (f.family === 'postgres' ? 'postgres' : 'rdsadmin') || input.MasterUsername.toLowerCase() === 'rdsadmin')
    throw invalidParameterValue(`MasterUsername ${input.MasterUsername} cannot be used as it is a reserved word used by the engine`);
  if (!input.MasterUserPassword) throw invalidParameterValue('The parameter MasterUserPassword must be provided and must not be blank.');
  checkPassword(input.MasterUserPassword);
  if (input.DBName !== undefined && !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(input.DBName))
    throw invalidParameterValue(`The parameter DBName is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and underscores.`);
  if ((input.BackupRetentionPeriod ?? 1) < 0 || (input.BackupRetentionPeriod ?? 1) > 35) throw invalidParameterValue('The parameter BackupRetentionPeriod must be between 0 and 35.');
  if (input.ManageMasterUserPassword) throw invalidParameterCombination('ManageMasterUserPassword (Secrets Manager) is not simulated in Nimbus Lab yet.');
}

export function checkPassword(pw: string): void {
  if (pw.length < 8) throw invalidParameterValue('The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters.');
  if (pw.length > 128) throw invalidParameterValue('The parameter MasterUserPassword is not a valid password because it is longer than 128 characters.');
  if (/[/"@ ]/.test(pw)) throw invalidParameterValue("The parameter MasterUserPassword is not a valid password. Only printable ASCII characters besides '/', '@', '\"', ' ' may be used.");
}

/** A new DB instance: validated, placed in its subnet group, `creating` for a few simulated minutes, its engine starting meanwhile. */
export const CreateDBInstance = streaming(async (ctx: Ctx, raw: RdsInput<'CreateDBInstance'>): Promise<RdsOutput<'CreateDBInstance'>> => {
  // Engine names are case-insensitive (templates write `MySQL`); AWS answers them in lower case.
  const input = { ...raw, Engine: raw.Engine.toLowerCase() };
  checkCreate(input);
  const f = engineFamily(input.Engine)!;
  const version = resolveVersion(f, input.EngineVersion)!;
  let engineParameters: Record<string, string> | undefined;
  if (input.DBParameterGroupName) {
    const g = getParameterGroup(ctx, input.DBParameterGroupName);
    const family = familyOf(input.Engine, version);
    if (g.family !== family)
      throw invalidParameterCombination(`The parameter group ${g.name} with DBParameterGroupFamily ${g.family} can't be used for this instance. Use a parameter group with DBParameterGroupFamily ${family}.`);
    engineParameters = userValues(g);
  }
  const row = await launchInstance(ctx, {
    id: input.DBInstanceIdentifier,
    engine: input.Engine,
    engineVersion: version,
    instanceClass: input.DBInstanceClass,
    allocatedStorage: input.AllocatedStorage!,
    storageType: input.StorageType ?? 'gp2',
    masterUsername: input.MasterUsername!,
    masterPassword: input.MasterUserPassword!,
    ...(input.DBName ? { dbName: input.DBName } : {}),
    port: input.Port ?? f.defaultPort,
    ...(input.DBSubnetGroupName ? { subnetGroup: input.DBSubnetGroupName } : {}),
    ...(input.VpcSecurityGroupIds?.length ? { securityGroups: input.VpcSecurityGroupIds } : {}),
    ...(input.AvailabilityZone ? { availabilityZone: input.AvailabilityZone } : {}),
    publiclyAccessible: input.PubliclyAccessible ?? !input.DBSubnetGroupName,
    multiAz: input.MultiAZ ?? false,
    backupRetention: input.BackupRetentionPeriod ?? 1,
    backupWindow: input.PreferredBackupWindow ?? '03:00-03:30',
    maintenanceWindow: input.PreferredMaintenanceWindow ?? 'sun:05:00-sun:05:30',
    deletionProtection: input.DeletionProtection ?? false,
    tags: input.Tags ?? [],
    extra: {
      autoMinorVersionUpgrade: input.AutoMinorVersionUpgrade ?? true,
      copyTagsToSnapshot: input.CopyTagsToSnapshot ?? false,
      ...(input.DBParameterGroupName ? { parameterGroup: input.DBParameterGroupName.toLowerCase(), engineParameters } : {}),
    },
  });
  return { DBInstance: instanceOutput(ctx, row) };
});
