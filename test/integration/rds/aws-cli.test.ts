/**
 * RDS through Debian's AWS CLI v2 and Debian's mysql client, against a real lab at warp 600 (a
 * four-minute creation takes under a second): a MySQL database, rows written through
 * `nimbus tunnel` at t1, t2 and t3, a point-in-time restore to a second between t2 and t3 that
 * holds exactly t1 and t2, RDS events, a parameter group, and AWS's errors in the CLI's words.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awsCli } from '../../helpers/clients';
import { repoRoot, useLab, type RunningLab } from '../../helpers/lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const getLab = useLab({ extraArgs: ['--warp', '600'] });
const json = (out: { stdout: string; stderr: string; status: number }): Record<string, any> => {
  expect(out.status, out.stderr).toBe(0);
  return out.stdout.trim() ? (JSON.parse(out.stdout) as Record<string, any>) : {};
};
const tunnels: ChildProcess[] = [];
afterAll(() => {
  for (const t of tunnels) t.kill();
});

async function until<T>(what: string, probe: () => T | undefined, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
const status = (lab: RunningLab, id: string) => {
  const r = awsCli(lab, ['rds', 'describe-db-instances', '--db-instance-identifier', id]);
  return r.status === 0 ? (JSON.parse(r.stdout).DBInstances[0] as Record<string, any>) : undefined;
};

/** `nimbus tunnel` to a DB instance: the local port it prints. */
async function tunnel(lab: RunningLab, id: string): Promise<number> {
  const p = spawn(process.execPath, [join(repoRoot, 'bin', 'nimbus'), 'tunnel', '--data', lab.dataDir, id], { stdio: ['ignore', 'pipe', 'pipe'] });
  tunnels.push(p);
  let out = '';
  p.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  p.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return until(`the tunnel to ${id}`, () => {
    const m = /127\.0\.0\.1:(\d+)/.exec(out);
    return m ? Number(m[1]) : undefined;
  }, 60_000);
}
const mysql = (port: number, sql: string) =>
  spawnSync('/usr/bin/mysql', ['-h', '127.0.0.1', '-P', String(port), '-u', 'admin', '-padmin-secret', '--batch', '-N', 'shop', '-e', sql], { encoding: 'utf8', timeout: 120_000 });

describe.runIf(existsSync('/usr/bin/mysql'))('aws rds through the real AWS CLI v2 and mysql', () => {
  it('restores to a point in time between two writes (§11.3.3)', { timeout: 300_000 }, async () => {
    const lab = getLab();
    const created = json(
      awsCli(lab, ['rds', 'create-db-instance', '--db-instance-identifier', 'shop', '--engine', 'mysql', '--db-instance-class', 'db.t3.micro', '--allocated-storage', '20',
        '--master-username', 'admin', '--master-user-password', 'admin-secret', '--db-name', 'shop', '--backup-retention-period', '7']),
    ).DBInstance;
    expect(created).toMatchObject({ DBInstanceIdentifier: 'shop', DBInstanceStatus: 'creating', Engine: 'mysql', BackupRetentionPeriod: 7 });
    await until('shop available', () => (status(lab, 'shop')?.DBInstanceStatus === 'available' ? true : undefined));
    const port = await tunnel(lab, 'shop');
    const t1 = mysql(port, "CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(40)); INSERT INTO orders VALUES (1, 't1')");
    expect(t1.stderr).toBe('');
    expect(mysql(port, "INSERT INTO orders VALUES (2, 't2')").status).toBe(0);
    await new Promise((r) => setTimeout(r, 500)); // five simulated minutes
    const between = status(lab, 'shop')!.LatestRestorableTime as string;
    await new Promise((r) => setTimeout(r, 500));
    expect(mysql(port, "INSERT INTO orders VALUES (3, 't3')").status).toBe(0);
    expect(mysql(port, 'SELECT id, item FROM orders ORDER BY id').stdout).toBe('1\tt1\n2\tt2\n3\tt3\n');

    const late = awsCli(lab, ['rds', 'restore-db-instance-to-point-in-time', '--source-db-instance-identifier', 'shop', '--target-db-instance-identifier', 'x', '--restore-time', '2099-01-01T00:00:00Z']);
    expect(late.status).toBe(254);
    expect(late.stderr).toContain('An error occurred (InvalidRestoreFault) when calling the RestoreDBInstanceToPointInTime operation');
    const restored = json(awsCli(lab, ['rds', 'restore-db-instance-to-point-in-time', '--source-db-instance-identifier', 'shop', '--target-db-instance-identifier', 'shop-before-t3', '--restore-time', between])).DBInstance;
    expect(restored).toMatchObject({ DBInstanceIdentifier: 'shop-before-t3', DBInstanceStatus: 'creating', Engine: 'mysql' });
    await until('the restore', () => (status(lab, 'shop-before-t3')?.DBInstanceStatus === 'available' ? true : undefined));
    const port2 = await tunnel(lab, 'shop-before-t3');
    expect(mysql(port2, 'SELECT id, item FROM orders ORDER BY id')).toMatchObject({ stdout: '1\tt1\n2\tt2\n', stderr: '', status: 0 });

    const events = json(awsCli(lab, ['rds', 'describe-events', '--source-type', 'db-instance', '--source-identifier', 'shop-before-t3', '--duration', '1440'])).Events as any[];
    expect(events.map((e) => e.Message)).toContain(`Restored from DB instance shop to ${new Date(between).toISOString()}`);
    const replica = awsCli(lab, ['rds', 'reboot-db-instance', '--db-instance-identifier', 'shop', '--force-failover']);
    expect(replica.stderr).toContain('(InvalidParameterCombination)');
  });

  it('creates a parameter group and lists its parameters', () => {
    const lab = getLab();
    json(awsCli(lab, ['rds', 'create-db-parameter-group', '--db-parameter-group-name', 'shop-params', '--db-parameter-group-family', 'mysql8.0', '--description', 'for the shop']));
    json(awsCli(lab, ['rds', 'modify-db-parameter-group', '--db-parameter-group-name', 'shop-params', '--parameters', 'ParameterName=max_connections,ParameterValue=50,ApplyMethod=immediate']));
    const params = json(awsCli(lab, ['rds', 'describe-db-parameters', '--db-parameter-group-name', 'shop-params', '--source', 'user'])).Parameters;
    expect(params).toEqual([expect.objectContaining({ ParameterName: 'max_connections', ParameterValue: '50', ApplyType: 'dynamic', ApplyMethod: 'immediate' })]);
    const dup = awsCli(lab, ['rds', 'create-db-parameter-group', '--db-parameter-group-name', 'shop-params', '--db-parameter-group-family', 'mysql8.0', '--description', 'again']);
    expect(dup.stderr).toContain('An error occurred (DBParameterGroupAlreadyExists) when calling the CreateDBParameterGroup operation: Parameter group shop-params already exists');
  });
});
