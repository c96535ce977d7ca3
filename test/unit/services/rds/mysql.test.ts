/**
 * RDS for MySQL end to end in one engine (one MariaDB engine shared by the file): the API's
 * checks, a DB in a private subnet group reached from an instance's `mysql` through the network
 * model, a WordPress-shaped dump imported as in §11.2, the real access-denied error, a security
 * group that drops the connection, snapshot and restore, stop and start.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tunnelTo } from '../../../../src-main/engine/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsError } from '../../../../src-main/engine/protocol/errors';
import { GuestShell } from '../../../../src-main/engine/guest/session';
import { rdsLab, type RdsLab } from './lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
let lab: RdsLab;
let shell: GuestShell;
let instanceIp: string;
let dbSg: string;
let webSg: string;
let host: string;
const DUMP = readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'rds', 'wordpress-dump.sql'), 'utf8');

async function awsError(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(AwsError);
  return { code: (e as AwsError).code, message: (e as AwsError).message };
}

beforeAll(async () => {
  lab = rdsLab();
  const { call } = lab;
  // The default VPC: the instance reaches the package mirror; the DB sits in two of its subnets.
  const vpcId = (await call('ec2', 'DescribeVpcs', { Filters: [{ Name: 'isDefault', Values: ['true'] }] })).Vpcs[0].VpcId;
  const subnets = (await call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })).Subnets as any[];
  const subnetA = subnets.find((x) => x.AvailabilityZone === 'us-east-1a').SubnetId;
  const subnetB = subnets.find((x) => x.AvailabilityZone === 'us-east-1b').SubnetId;
  webSg = (await call('ec2', 'CreateSecurityGroup', { GroupName: 'web', Description: 'web', VpcId: vpcId })).GroupId;
  dbSg = (await call('ec2', 'CreateSecurityGroup', { GroupName: 'db', Description: 'db', VpcId: vpcId })).GroupId;
  await call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: dbSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, UserIdGroupPairs: [{ GroupId: webSg }] }] });
  await call('rds', 'CreateDBSubnetGroup', { DBSubnetGroupName: 'wp-db', DBSubnetGroupDescription: 'private subnets', SubnetIds: [subnetA, subnetB] });
  await call('rds', 'CreateDBInstance', {
    DBInstanceIdentifier: 'wordpress',
    Engine: 'mysql',
    EngineVersion: '8.0',
    DBInstanceClass: 'db.t2.micro',
    AllocatedStorage: 20,
    MasterUsername: 'wordpress',
    MasterUserPassword: 'wordpress-secret',
    DBName: 'wordpress',
    DBSubnetGroupName: 'wp-db',
    VpcSecurityGroupIds: [dbSg],
  });
  const inst = (await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId: subnetA, SecurityGroupIds: [webSg] })).Instances[0];
  instanceIp = inst.PrivateIpAddress;
  await lab.run(5 * 60_000);
  const g = await lab.engine.terminals.guest(inst.InstanceId);
  shell = new GuestShell(g!, g!.user('ec2-user')!);
  await shell.exec('sudo yum -y install mysql');
  host = (await call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'wordpress' })).DBInstances[0].Endpoint.Address;
}, 120_000);

// Engines close their files before they exit: slower than a hook's default on a busy machine.
afterAll(async () => {
  lab.engine.close();
  await lab.engine.supervisor.dispose();
}, 60_000);

describe('RDS for MySQL', () => {
  it('answers bad input with the API’s own errors', async () => {
    const base = { DBInstanceIdentifier: 'x1', Engine: 'mysql', DBInstanceClass: 'db.t2.micro', AllocatedStorage: 20, MasterUsername: 'admin', MasterUserPassword: 'password1' };
    expect(await awsError(lab.call('rds', 'CreateDBInstance', { ...base, AllocatedStorage: 5 }))).toEqual({ code: 'InvalidParameterValue', message: 'Invalid storage size for engine name mysql and storage type gp2: 5' });
    expect(await awsError(lab.call('rds', 'CreateDBInstance', { ...base, MasterUserPassword: 'short' }))).toEqual({
      code: 'InvalidParameterValue',
      message: 'The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters.',
    });
    expect(await awsError(lab.call('rds', 'CreateDBInstance', { ...base, Engine: 'foo' }))).toEqual({ code: 'InvalidParameterValue', message: 'Invalid DB engine: foo' });
    expect(await awsError(lab.call('rds', 'CreateDBInstance', { ...base, DBInstanceIdentifier: 'wordpress' }))).toEqual({ code: 'DBInstanceAlreadyExists', message: 'DB instance already exists' });
    expect(await awsError(lab.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'nope' }))).toEqual({ code: 'DBInstanceNotFound', message: 'DBInstance nope not found.' });
    expect(await awsError(lab.call('rds', 'DeleteDBInstance', { DBInstanceIdentifier: 'wordpress' }))).toEqual({
      code: 'InvalidParameterCombination',
      message: 'FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.',
    });
  });

  it('describes the instance in its subnet group with an endpoint that resolves inside the VPC', async () => {
    const d = (await lab.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'wordpress' })).DBInstances[0];
    expect(d).toMatchObject({ DBInstanceStatus: 'available', Engine: 'mysql', EngineVersion: '8.0.40', MasterUsername: 'wordpress', DBName: 'wordpress', AllocatedStorage: 20, VpcSecurityGroups: [{ VpcSecurityGroupId: dbSg, Status: 'active' }] });
    expect(d.DBSubnetGroup.DBSubnetGroupName).toBe('wp-db');
    expect(d.Endpoint.Port).toBe(3306);
    expect(host).toMatch(/^wordpress\.[a-z0-9]{12}\.us-east-1\.rds\.amazonaws\.com$/);
    const r = await shell.exec(`nslookup ${host}`);
    expect(r.stdout).toMatch(/Address: 172\.31\.\d+\.\d+/);
  });

  it('imports a WordPress-shaped dump with mysql < dump.sql and reads it back (§11.2)', { timeout: 120_000 }, async () => {
    await shell.fs.writeFile('/home/ec2-user/wordpress-import.sql', DUMP);
    const imp = await shell.exec(`mysql --host ${host} --user wordpress -pwordpress-secret wordpress < /home/ec2-user/wordpress-import.sql`);
    expect(imp).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const sel = await shell.exec(`mysql -h ${host} -u wordpress -pwordpress-secret wordpress -e "SELECT post_title FROM wp_posts ORDER BY ID"`);
    expect(sel).toEqual({ stdout: 'post_title\nHello world\nMoving the database to RDS\nSnapshots before upgrades\n', stderr: '', exitCode: 0 });
    const quoted = await shell.exec(`mysql -h ${host} -u wordpress -pwordpress-secret -N -B wordpress -e "SELECT post_content FROM wp_posts WHERE ID = 3; SELECT COUNT(*) FROM wp_options"`);
    expect(quoted.stdout).toBe('It\'s a draft; quotes "and" semicolons; stay inside.\n3\n');
    const table = await shell.exec(`mysql -h ${host} -u wordpress -pwordpress-secret -t wordpress -e "SELECT ID, post_status FROM wp_posts WHERE ID < 3"`);
    expect(table.stdout).toBe('+----+-------------+\n| ID | post_status |\n+----+-------------+\n|  1 | publish     |\n|  2 | publish     |\n+----+-------------+\n');
  });

  it('gives the real errors: access denied from the instance’s address, SQL errors with their line', async () => {
    const bad = await shell.exec(`mysql -h ${host} -u wordpress -pwrong-password -e "SELECT 1"`);
    expect(bad).toEqual({ stdout: '', stderr: `ERROR 1045 (28000): Access denied for user 'wordpress'@'${instanceIp}' (using password: YES)\n`, exitCode: 1 });
    const unknown = await shell.exec('mysql -h nosuch.example.internal -u wordpress -pwordpress-secret -e "SELECT 1"');
    expect(unknown.stderr).toBe("ERROR 2005 (HY000): Unknown MySQL server host 'nosuch.example.internal' (0)\n");
    await shell.fs.writeFile('/home/ec2-user/bad.sql', 'SELECT 1;\n\nSELEC 2;\nSELECT 3;\n');
    const syntax = await shell.exec(`mysql -h ${host} -u wordpress -pwordpress-secret wordpress < /home/ec2-user/bad.sql`);
    expect(syntax.exitCode).toBe(1);
    expect(syntax.stdout).toBe('1\n1\n');
    expect(syntax.stderr).toMatch(/^ERROR 1064 \(42000\) at line 3: You have an error in your SQL syntax; .* near 'SELEC 2' at line 1\n$/);
  });

  it('hangs and times out when the security group does not let 3306 in', async () => {
    await lab.call('ec2', 'RevokeSecurityGroupIngress', { GroupId: dbSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, UserIdGroupPairs: [{ GroupId: webSg }] }] });
    const r = await lab.withClock(shell.exec(`mysql -h ${host} -u wordpress -pwordpress-secret -e "SELECT 1"`));
    expect(r).toEqual({ stdout: '', stderr: `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}' (110)\n`, exitCode: 1 });
    const why = (await lab.call('ec2', 'DescribeSecurityGroups', { GroupIds: [dbSg] })).SecurityGroups[0].IpPermissions;
    expect(why).toEqual([]);
    await lab.call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: dbSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, UserIdGroupPairs: [{ GroupId: webSg }] }] });
    expect((await shell.exec(`mysql -h ${host} -u wordpress -pwordpress-secret -N -e "SELECT 1"`)).stdout).toBe('1\n');
  });

  it.runIf(existsSync('/usr/bin/mysql'))('prints what Debian’s mysql prints through the tunnel (oracle)', { timeout: 60_000 }, async () => {
    // The server side of `nimbus tunnel`: each local connection becomes a stream to the engine.
    const server = createServer((local) => {
      void tunnelTo(lab.engine.store, 'wordpress').then((t) => {
        if (typeof t === 'string') return local.destroy();
        local.pipe(t.stream);
        t.stream.pipe(local);
        local.on('close', () => t.stream.destroy());
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const script = "SELECT ID, post_title, post_status FROM wp_posts ORDER BY ID; SELECT option_name, option_value FROM wp_options WHERE option_id < 3; SELECT 1 + 1 AS two, NULL AS nothing, 'tab\\there' AS t";
    const real = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
      const p = spawn('/usr/bin/mysql', ['-h', '127.0.0.1', '-P', String(port), '-u', 'wordpress', '-pwordpress-secret', '--batch', 'wordpress', '-e', script]);
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      p.on('close', (code) => resolve({ stdout, stderr, code }));
    });
    server.close();
    const guest = await shell.exec(`mysql -h ${host} -u wordpress -pwordpress-secret --batch wordpress -e "${script.replace(/"/g, '\\"')}"`);
    expect(real).toMatchObject({ code: 0, stderr: '' });
    expect(guest).toEqual({ stdout: real.stdout, stderr: '', exitCode: 0 });
    expect(real.stdout).toContain('1\tHello world\tpublish\n');
  });

  it('takes a snapshot and restores it into a new instance with the same rows', async () => {
    const snap = (await lab.call('rds', 'CreateDBSnapshot', { DBInstanceIdentifier: 'wordpress', DBSnapshotIdentifier: 'before-upgrade' })).DBSnapshot;
    expect(snap).toMatchObject({ DBSnapshotIdentifier: 'before-upgrade', DBInstanceIdentifier: 'wordpress', Status: 'creating', SnapshotType: 'manual', Engine: 'mysql' });
    expect((await lab.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'wordpress' })).DBInstances[0].DBInstanceStatus).toBe('backing-up');
    await lab.until(async () => (await lab.call('rds', 'DescribeDBSnapshots', { DBSnapshotIdentifier: 'before-upgrade' })).DBSnapshots[0].Status === 'available', 'the snapshot');
    expect((await lab.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'wordpress' })).DBInstances[0].DBInstanceStatus).toBe('available');
    // A write after the snapshot is not in the restored copy.
    await shell.exec(`mysql -h ${host} -u wordpress -pwordpress-secret wordpress -e "DELETE FROM wp_posts WHERE ID = 1"`);
    await lab.call('rds', 'RestoreDBInstanceFromDBSnapshot', { DBInstanceIdentifier: 'wordpress-restored', DBSnapshotIdentifier: 'before-upgrade', DBSubnetGroupName: 'wp-db', VpcSecurityGroupIds: [dbSg] });
    await lab.run(5 * 60_000);
    const restored = (await lab.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'wordpress-restored' })).DBInstances[0];
    expect(restored.DBInstanceStatus).toBe('available');
    const rows = await shell.exec(`mysql -h ${restored.Endpoint.Address} -u wordpress -pwordpress-secret -N wordpress -e "SELECT ID FROM wp_posts ORDER BY ID"`);
    expect(rows).toEqual({ stdout: '1\n2\n3\n', stderr: '', exitCode: 0 });
    const original = await shell.exec(`mysql -h ${host} -u wordpress -pwordpress-secret -N wordpress -e "SELECT ID FROM wp_posts ORDER BY ID"`);
    expect(original.stdout).toBe('2\n3\n');
  }, 120_000);

  it('refuses connections while stopped and serves the same data after a start', async () => {
    const stopping = (await lab.call('rds', 'StopDBInstance', { DBInstanceIdentifier: 'wordpress-restored' })).DBInstance;
    expect(stopping.DBInstanceStatus).toBe('stopping');
    await lab.run(2 * 60_000);
    const host2 = (await lab.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'wordpress-restored' })).DBInstances[0];
    expect(host2.DBInstanceStatus).toBe('stopped');
    const refused = await shell.exec(`mysql -h ${host2.Endpoint.Address} -u wordpress -pwordpress-secret -e "SELECT 1"`);
    expect(refused.stderr).toBe(`ERROR 2003 (HY000): Can't connect to MySQL server on '${host2.Endpoint.Address}' (111)\n`);
    expect(await awsError(lab.call('rds', 'StopDBInstance', { DBInstanceIdentifier: 'wordpress-restored' }))).toEqual({ code: 'InvalidDBInstanceState', message: 'Instance wordpress-restored is not in available state.' });
    await lab.call('rds', 'StartDBInstance', { DBInstanceIdentifier: 'wordpress-restored' });
    await lab.run(4 * 60_000);
    const rows = await shell.exec(`mysql -h ${host2.Endpoint.Address} -u wordpress -pwordpress-secret -N wordpress -e "SELECT COUNT(*) FROM wp_posts"`);
    expect(rows.stdout).toBe('3\n');
    await lab.call('rds', 'DeleteDBInstance', { DBInstanceIdentifier: 'wordpress-restored', SkipFinalSnapshot: true });
    await lab.run(3 * 60_000);
    expect((await lab.call('rds', 'DescribeDBInstances', {})).DBInstances.map((d: any) => d.DBInstanceIdentifier)).toEqual(['wordpress']);
  }, 120_000);
});
