/**
 * What RDS answers without running an engine: engine versions, orderable classes, default and
 * custom parameter groups with their errors, and DescribeEvents' own input checks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rdsLab } from '../services/rds/lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const lab = rdsLab();
afterAll(async () => {
  lab.engine.close();
  await lab.engine.supervisor.dispose();
});
const err = (p: Promise<unknown>) => p.then(() => undefined, (e: any) => ({ code: e.code, message: e.message }));

describe('RDS catalogue', () => {
  it('lists engine versions with their parameter group families', async () => {
    const out = (await lab.call('rds', 'DescribeDBEngineVersions', { Engine: 'mysql', EngineVersion: '8.0' })).DBEngineVersions;
    expect(out.map((v: any) => v.EngineVersion)).toEqual(['8.0.35', '8.0.36', '8.0.39', '8.0.40']);
    expect(out[0]).toMatchObject({ Engine: 'mysql', DBParameterGroupFamily: 'mysql8.0', Status: 'available' });
    const pg = (await lab.call('rds', 'DescribeDBEngineVersions', { Engine: 'postgres', DefaultOnly: true })).DBEngineVersions;
    expect(pg).toEqual([expect.objectContaining({ EngineVersion: '16.4', DBParameterGroupFamily: 'postgres16' })]);
  });

  it('lists orderable classes per engine version', async () => {
    const out = (await lab.call('rds', 'DescribeOrderableDBInstanceOptions', { Engine: 'mysql', EngineVersion: '8.0.39', DBInstanceClass: 'db.t3.micro' })).OrderableDBInstanceOptions;
    expect(out.map((o: any) => o.StorageType)).toEqual(['gp2', 'gp3', 'io1']);
    expect(out[0]).toMatchObject({ DBInstanceClass: 'db.t3.micro', MultiAZCapable: true, ReadReplicaCapable: true, MinStorageSize: 20, AvailabilityZones: [{ Name: 'us-east-1a' }, { Name: 'us-east-1b' }, { Name: 'us-east-1c' }] });
    expect(await err(lab.call('rds', 'DescribeOrderableDBInstanceOptions', { Engine: 'oracle' }))).toEqual({ code: 'InvalidParameterValue', message: 'Invalid DB engine: oracle' });
  });

  it('has default parameter groups that cannot change, and custom ones that can', async () => {
    const groups = (await lab.call('rds', 'DescribeDBParameterGroups', {})).DBParameterGroups.map((g: any) => g.DBParameterGroupName);
    expect(groups).toContain('default.mysql8.0');
    expect(groups).toContain('default.postgres16');
    expect(await err(lab.call('rds', 'ModifyDBParameterGroup', { DBParameterGroupName: 'default.mysql8.0', Parameters: [{ ParameterName: 'max_connections', ParameterValue: '5', ApplyMethod: 'immediate' }] }))).toEqual({
      code: 'InvalidDBParameterGroupState',
      message: 'Default parameter groups cannot be modified.',
    });
    await lab.call('rds', 'CreateDBParameterGroup', { DBParameterGroupName: 'Shop', DBParameterGroupFamily: 'mysql8.0', Description: 'shop' });
    expect(await err(lab.call('rds', 'CreateDBParameterGroup', { DBParameterGroupName: 'x', DBParameterGroupFamily: 'mysql1.0', Description: 'x' }))).toEqual({
      code: 'InvalidParameterValue',
      message: 'ParameterGroupFamily mysql1.0 is not a valid parameter group family',
    });
    expect(await err(lab.call('rds', 'ModifyDBParameterGroup', { DBParameterGroupName: 'shop', Parameters: [{ ParameterName: 'no_such', ParameterValue: '1', ApplyMethod: 'immediate' }] }))).toEqual({
      code: 'InvalidParameterValue',
      message: 'Could not find parameter with name: no_such',
    });
    await lab.call('rds', 'ModifyDBParameterGroup', { DBParameterGroupName: 'shop', Parameters: [{ ParameterName: 'max_connections', ParameterValue: '42', ApplyMethod: 'immediate' }] });
    const p = (await lab.call('rds', 'DescribeDBParameters', { DBParameterGroupName: 'shop', Filters: [{ Name: 'parameter-name', Values: ['max_connections'] }] })).Parameters;
    expect(p).toEqual([expect.objectContaining({ ParameterValue: '42', Source: 'user', ApplyType: 'dynamic' })]);
    expect(await err(lab.call('rds', 'CreateDBInstance', { DBInstanceIdentifier: 'pg', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'master', MasterUserPassword: 'master-secret', DBParameterGroupName: 'shop' }))).toEqual({
      code: 'InvalidParameterCombination',
      message: "The parameter group shop with DBParameterGroupFamily mysql8.0 can't be used for this instance. Use a parameter group with DBParameterGroupFamily postgres16.",
    });
    await lab.call('rds', 'DeleteDBParameterGroup', { DBParameterGroupName: 'shop' });
    expect((await err(lab.call('rds', 'DescribeDBParameterGroups', { DBParameterGroupName: 'shop' })))?.code).toBe('DBParameterGroupNotFound');
  });

  it('checks DescribeEvents input and answers no events for a quiet hour', async () => {
    expect(await err(lab.call('rds', 'DescribeEvents', { SourceIdentifier: 'x' }))).toEqual({ code: 'InvalidParameterValue', message: 'Cannot specify source identifier without source type' });
    expect((await lab.call('rds', 'DescribeEvents', {})).Events).toEqual([]);
  });
});
