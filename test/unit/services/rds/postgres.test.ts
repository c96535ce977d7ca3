/**
 * RDS for PostgreSQL end to end in one engine (one PGlite engine shared by the file): psql from an
 * instance through the network model, the FATAL password error, the same answers as Debian's psql
 * through the tunnel's stream, a snapshot restored into a new instance.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tunnelTo } from '../../../../src-main/engine/index';
import { GuestShell } from '../../../../src-main/engine/guest/session';
import { rdsLab, type RdsLab } from './lab';

 
let lab: RdsLab;
let shell: GuestShell;
let host: string;
const psql = (h: string, cmd: string, password = 'master-secret') => shell.exec(`PGPASSWORD=${password} psql -h ${h} -U master -d postgres -c "${cmd}"`);

beforeAll(async () => {
  lab = rdsLab();
  const { call } = lab;
  const vpcId = (await call('ec2', 'DescribeVpcs', { Filters: [{ Name: 'isDefault', Values: ['true'] }] })).Vpcs[0].VpcId;
  const sg = (await call('ec2', 'CreateSecurityGroup', { GroupName: 'pg', Description: 'pg', VpcId: vpcId })).GroupId;
  await call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '172.31.0.0/16' }] }] });
  await call('rds', 'CreateDBInstance', { DBInstanceIdentifier: 'pgdb', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'master', MasterUserPassword: 'master-secret', VpcSecurityGroupIds: [sg] });
  const inst = (await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 })).Instances[0];
  await lab.run(5 * 60_000);
  const g = await lab.engine.terminals.guest(inst.InstanceId);
  shell = new GuestShell(g!, g!.user('ec2-user')!);
  await shell.exec('sudo yum -y install postgresql');
  host = (await call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'pgdb' })).DBInstances[0].Endpoint.Address;
}, 60_000);

// Engines close their files before they exit: slower than a hook's default on a busy machine.
afterAll(async () => {
  lab.engine.close();
  await lab.engine.supervisor.dispose();
}, 60_000);

describe('RDS for PostgreSQL', () => {
  it('answers psql -h … -U master -c from an instance, with the real FATAL on a wrong password', { timeout: 300_000 }, async () => {
    expect(await psql(host, 'select 1')).toEqual({ stdout: ' ?column? \n----------\n        1\n(1 row)\n\n', stderr: '', exitCode: 0 });
    expect(await psql(host, 'select 1', 'wrong-password')).toEqual({ stdout: '', stderr: 'psql: FATAL:  password authentication failed for user "master"\n', exitCode: 2 });
    const made = await psql(host, "create table notes (id serial primary key, body text); insert into notes (body) values ('first'), ('second')");
    expect(made).toEqual({ stdout: 'CREATE TABLE\nINSERT 0 2\n', stderr: '', exitCode: 0 });
    const missing = await psql(host, 'select * from nope');
    expect(missing.stderr).toBe('ERROR:  relation "nope" does not exist\nLINE 1: select * from nope\n                      ^\n');
  });

  it.runIf(existsSync('/usr/bin/psql'))('prints what Debian’s psql prints through the tunnel (oracle)', { timeout: 60_000 }, async () => {
    const server = createServer((local) => {
      void tunnelTo(lab.engine.store, 'pgdb').then((t) => {
        if (typeof t === 'string') return local.destroy();
        local.pipe(t.stream);
        t.stream.pipe(local);
        local.on('close', () => t.stream.destroy());
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const script = 'select id, body, id * 2.5 as score, null as nothing from notes order by id';
    const real = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
      const p = spawn('/usr/bin/psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'master', '-d', 'postgres', '-X', '-c', script], { env: { ...process.env, PGPASSWORD: 'master-secret' } });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      p.on('close', (code) => resolve({ stdout, stderr, code }));
    });
    server.close();
    expect(real).toMatchObject({ code: 0, stderr: '' });
    expect(await psql(host, script)).toEqual({ stdout: real.stdout, stderr: '', exitCode: 0 });
  });

  it('restores a snapshot into a new instance with the same rows', { timeout: 300_000 }, async () => {
    await lab.call('rds', 'CreateDBSnapshot', { DBInstanceIdentifier: 'pgdb', DBSnapshotIdentifier: 'pg-snap' });
    await lab.until(async () => (await lab.call('rds', 'DescribeDBSnapshots', { DBSnapshotIdentifier: 'pg-snap' })).DBSnapshots[0].Status === 'available', 'the snapshot', 120_000);
    await psql(host, "insert into notes (body) values ('after the snapshot')");
    await lab.call('rds', 'RestoreDBInstanceFromDBSnapshot', { DBInstanceIdentifier: 'pgdb-restored', DBSnapshotIdentifier: 'pg-snap' });
    await lab.run(5 * 60_000);
    const restored = (await lab.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'pgdb-restored' })).DBInstances[0];
    expect(restored).toMatchObject({ DBInstanceStatus: 'available', Engine: 'postgres', MasterUsername: 'master' });
    expect((await psql(restored.Endpoint.Address, 'select body from notes order by id')).stdout).toBe('  body  \n--------\n first\n second\n(2 rows)\n\n');
    expect((await psql(host, 'select count(*) from notes')).stdout).toBe(' count \n-------\n     3\n(1 row)\n\n');
  });
});
