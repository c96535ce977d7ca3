/** AWS::RDS::DBInstance and AWS::RDS::DBSubnetGroup (§11.1's template shape). */
import { bool, clean, generatedName, num, str, strList, type Json, type ResourceCtx, type ResourceProvider } from '../../core/resource-provider';

type Instance = { DBInstanceStatus?: string; Endpoint?: { Address?: string; Port?: number }; DBInstanceArn?: string; DbiResourceId?: string };

async function describe(rc: ResourceCtx, id: string): Promise<Instance | undefined> {
  try {
    return ((await rc.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: id })).DBInstances as Instance[])[0];
  } catch (err) {
    if ((err as { code?: string }).code === 'DBInstanceNotFound') return undefined;
    throw err;
  }
}

const dbInstance: ResourceProvider = {
  async create(rc, props) {
    const id = (str(props.DBInstanceIdentifier) ?? generatedName(rc, 63, { lower: true })).replace(/[^a-z0-9-]/gi, '').replace(/^[^a-z]+/i, 'db');
    const tags = rc.tags;
    const common = clean({
      DBInstanceIdentifier: id,
      DBInstanceClass: str(props.DBInstanceClass),
      DBSubnetGroupName: str(props.DBSubnetGroupName),
      VpcSecurityGroupIds: strList(props.VPCSecurityGroups),
      AvailabilityZone: str(props.AvailabilityZone),
      MultiAZ: bool(props.MultiAZ),
      PubliclyAccessible: bool(props.PubliclyAccessible),
      Port: num(props.Port),
      Tags: tags,
    });
    if (props.DBSnapshotIdentifier !== undefined) {
      await rc.call('rds', 'RestoreDBInstanceFromDBSnapshot', { ...common, DBSnapshotIdentifier: str(props.DBSnapshotIdentifier) });
    } else {
      if (props.SourceDBInstanceIdentifier !== undefined) rc.note('SourceDBInstanceIdentifier (read replicas) is not simulated yet: a standalone instance was made.');
      await rc.call(
        'rds',
        'CreateDBInstance',
        clean({
          ...common,
          Engine: str(props.Engine),
          EngineVersion: str(props.EngineVersion),
          AllocatedStorage: num(props.AllocatedStorage),
          StorageType: str(props.StorageType),
          MasterUsername: str(props.MasterUsername),
          MasterUserPassword: str(props.MasterUserPassword),
          DBName: str(props.DBName),
          BackupRetentionPeriod: num(props.BackupRetentionPeriod),
          PreferredBackupWindow: str(props.PreferredBackupWindow),
          PreferredMaintenanceWindow: str(props.PreferredMaintenanceWindow),
          DeletionProtection: bool(props.DeletionProtection),
          DBParameterGroupName: str(props.DBParameterGroupName),
        }),
      );
    }
    return { physicalId: id };
  },
  async update(rc, id, props, old) {
    const changed = (k: string) => JSON.stringify(props[k] ?? null) !== JSON.stringify(old[k] ?? null);
    const input = clean({
      DBInstanceIdentifier: id,
      ApplyImmediately: true,
      DBInstanceClass: changed('DBInstanceClass') ? str(props.DBInstanceClass) : undefined,
      AllocatedStorage: changed('AllocatedStorage') ? num(props.AllocatedStorage) : undefined,
      MasterUserPassword: changed('MasterUserPassword') ? str(props.MasterUserPassword) : undefined,
      BackupRetentionPeriod: changed('BackupRetentionPeriod') ? num(props.BackupRetentionPeriod) : undefined,
      MultiAZ: changed('MultiAZ') ? bool(props.MultiAZ) : undefined,
      VpcSecurityGroupIds: changed('VPCSecurityGroups') ? strList(props.VPCSecurityGroups) : undefined,
      DeletionProtection: changed('DeletionProtection') ? bool(props.DeletionProtection) : undefined,
    });
    if (Object.keys(input).length > 2) {
      await rc.waitFor(async () => (await describe(rc, id))?.DBInstanceStatus === 'available', 15_000, 3_600_000, `DB instance ${id} available`);
      await rc.call('rds', 'ModifyDBInstance', input);
    }
  },
  async delete(rc, id) {
    if (!(await describe(rc, id))) return;
    // DeletionPolicy: Snapshot has already run snapshot(); a plain delete keeps nothing.
    await rc.call('rds', 'DeleteDBInstance', { DBInstanceIdentifier: id, SkipFinalSnapshot: true });
    await rc.waitFor(async () => (await describe(rc, id)) === undefined, 15_000, 3_600_000, `DB instance ${id} deleted`);
  },
  async ready(rc, id) {
    return (await describe(rc, id))?.DBInstanceStatus === 'available';
  },
  async attributes(rc, id) {
    const d = await describe(rc, id);
    const out: Record<string, Json> = {
      'Endpoint.Address': d?.Endpoint?.Address ?? '',
      'Endpoint.Port': String(d?.Endpoint?.Port ?? ''),
    };
    if (d?.DBInstanceArn) out.DBInstanceArn = d.DBInstanceArn;
    if (d?.DbiResourceId) out.DbiResourceId = d.DbiResourceId;
    return out;
  },
  async snapshot(rc, id, props) {
    const snap = `${String(props.DBInstanceIdentifier ?? id)}-snapshot-${rc.now().toString(36)}`.slice(0, 63);
    await rc.call('rds', 'CreateDBSnapshot', { DBInstanceIdentifier: id, DBSnapshotIdentifier: snap });
  },
};

const subnetGroup: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.DBSubnetGroupName) ?? generatedName(rc, 255, { lower: true });
    await rc.call('rds', 'CreateDBSubnetGroup', { DBSubnetGroupName: name, DBSubnetGroupDescription: str(props.DBSubnetGroupDescription) ?? name, SubnetIds: strList(props.SubnetIds) ?? [] });
    return { physicalId: name.toLowerCase() };
  },
  async delete(rc, name) {
    try {
      await rc.call('rds', 'DeleteDBSubnetGroup', { DBSubnetGroupName: name });
    } catch (err) {
      if ((err as { code?: string }).code !== 'DBSubnetGroupNotFoundFault') throw err;
    }
  },
};

export const rdsResourceProviders: Record<string, ResourceProvider> = {
  'AWS::RDS::DBInstance': dbInstance,
  'AWS::RDS::DBSubnetGroup': subnetGroup,
};

