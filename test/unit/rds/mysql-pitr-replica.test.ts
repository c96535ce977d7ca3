/**
 * RDS for MySQL beyond the basics, in one engine with one MariaDB primary: point-in-time restore
 * (rows written at t1, t2, t3; a restore between t2 and t3 holds exactly t1 and t2), a read replica
 * that follows the primary's writes and refuses its own until promoted, a Multi-AZ failover that
 * keeps the endpoint name and moves it to the standby's zone, and the events of all this.
 */
import { createConnection, type Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tunnelTo } from '../../../src-main/engine/index';
import { rdsNetwork } from '../../../src-main/engine/services/rds/network';
import { rdsLab, type RdsLab } from '../services/rds/lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
let lab: RdsLab;

/** A client connection through `nimbus tunnel`'s stream (mysql2, a real MySQL protocol client). */
async function connect(id: string): Promise<Connection> {
  const t = await tunnelTo(lab.engine.store, id);
  if (typeof t === 'string') throw new Error(t);
  return createConnection({ stream: t.stream as any, user: 'admin', password: 'admin-secret', database: 'shop' });
}
async function rows(id: string, sql: string): Promise<unknown[]> {
  const c = await connect(id);
  try {
    return (await c.query(sql))[0] as unknown[];
  } finally {
    c.destroy();
  }
}
const describeDb = async (id: string) => (await lab.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: id })).DBInstances[0];

beforeAll(async () => {
  lab = rdsLab();
  await lab.call('rds', 'CreateDBInstance', {
    DBInstanceIdentifier: 'shop',
    Engine: 'mysql',
    DBInstanceClass: 'db.t3.micro',
    AllocatedStorage: 20,
    MasterUsername: 'admin',
    MasterUserPassword: 'admin-secret',
    DBName: 'shop',
    MultiAZ: true,
    BackupRetentionPeriod: 7,
  });
  await lab.run(5 * 60_000);
}, 120_000);

afterAll(async () => {
  lab.engine.close();
  await lab.engine.supervisor.dispose();
}, 60_000);

describe('RDS for MySQL: point in time, read replica, Multi-AZ', () => {
  let between = 0;

  it('keeps an automated backup from creation and restores to any second after it (§11.3.3)', { timeout: 120_000 }, async () => {
    await lab.until(async () => (await lab.call('rds', 'DescribeDBSnapshots', { DBInstanceIdentifier: 'shop', SnapshotType: 'automated' })).DBSnapshots[0]?.Status === 'available', 'the first backup');
    const c = await connect('shop');
    await c.query('CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(40))');
    await c.query("INSERT INTO orders VALUES (1, 'written at t1')");
    lab.engine.clock.advance(60_000);
    await c.query("INSERT INTO orders VALUES (2, 'written at t2')");
    lab.engine.clock.advance(30_000);
    between = lab.engine.clock.now();
    lab.engine.clock.advance(30_000);
    await c.query("INSERT INTO orders VALUES (3, 'written at t3')");
    await c.query("INSERT INTO orders VALUES (4, 'written at t4')");
    c.destroy();

    const db = await describeDb('shop');
    expect(new Date(db.LatestRestorableTime).getTime()).toBe(lab.engine.clock.now());
    await lab.call('rds', 'RestoreDBInstanceToPointInTime', { SourceDBInstanceIdentifier: 'shop', TargetDBInstanceIdentifier: 'shop-t2', RestoreTime: new Date(between) });
    await lab.run(5 * 60_000);
    expect(await rows('shop-t2', 'SELECT id, item FROM orders ORDER BY id')).toEqual([
      { id: 1, item: 'written at t1' },
      { id: 2, item: 'written at t2' },
    ]);
    expect(await rows('shop', 'SELECT id FROM orders ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
    const late = await lab.call('rds', 'RestoreDBInstanceToPointInTime', { SourceDBInstanceIdentifier: 'shop', TargetDBInstanceIdentifier: 'x', RestoreTime: new Date(lab.engine.clock.now() + 3_600_000) }).catch((e: any) => e);
    expect(late.code).toBe('InvalidRestoreFault');
    const events = (await lab.call('rds', 'DescribeEvents', { SourceType: 'db-instance', SourceIdentifier: 'shop-t2', Duration: 60 })).Events.map((e: any) => e.Message);
    // The first backup may finish before or after the instance is reported created (a real engine's pace).
    const known = ['Creating DB instance', 'Backing up DB instance', 'DB instance created', `Restored from DB instance shop to ${new Date(between).toISOString()}`, 'Finished DB Instance backup'];
    expect(events.filter((m: string) => !known.includes(m))).toEqual([]);
    expect(events[0]).toBe('Creating DB instance');
    expect(events).toContain(`Restored from DB instance shop to ${new Date(between).toISOString()}`);
    for (const id of ['shop-t2']) await lab.call('rds', 'DeleteDBInstance', { DBInstanceIdentifier: id, SkipFinalSnapshot: true });
  });

  it('makes a read replica that follows the primary, refuses writes, and is writable once promoted', { timeout: 120_000 }, async () => {
    const replica = (await lab.call('rds', 'CreateDBInstanceReadReplica', { DBInstanceIdentifier: 'shop-replica', SourceDBInstanceIdentifier: 'shop' })).DBInstance;
    expect(replica).toMatchObject({ DBInstanceStatus: 'creating', ReadReplicaSourceDBInstanceIdentifier: 'shop', BackupRetentionPeriod: 0 });
    await lab.run(5 * 60_000);
    expect((await describeDb('shop')).ReadReplicaDBInstanceIdentifiers).toEqual(['shop-replica']);
    expect(await rows('shop-replica', 'SELECT COUNT(*) AS n FROM orders')).toEqual([{ n: 4 }]);
    await rows('shop', "INSERT INTO orders VALUES (5, 'after the replica')");
    await lab.until(async () => ((await rows('shop-replica', 'SELECT COUNT(*) AS n FROM orders')) as any)[0].n === 5, 'the replica to follow', 10_000);
    const refused = await rows('shop-replica', "INSERT INTO orders VALUES (6, 'on the replica')").catch((e: any) => e);
    expect({ errno: refused.errno, sqlState: refused.sqlState, message: refused.message }).toEqual({
      errno: 1290,
      sqlState: 'HY000',
      message: 'The MySQL server is running with the --read-only option so it cannot execute this statement',
    });
    const promoted = (await lab.call('rds', 'PromoteReadReplica', { DBInstanceIdentifier: 'shop-replica' })).DBInstance;
    expect(promoted.DBInstanceStatus).toBe('modifying');
    expect(promoted.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    await lab.run(3 * 60_000);
    await rows('shop-replica', "INSERT INTO orders VALUES (6, 'on the promoted replica')");
    expect(await rows('shop-replica', 'SELECT COUNT(*) AS n FROM orders')).toEqual([{ n: 6 }]);
    expect(await rows('shop', 'SELECT COUNT(*) AS n FROM orders')).toEqual([{ n: 5 }]);
    expect((await describeDb('shop')).ReadReplicaDBInstanceIdentifiers).toEqual([]);
  });

  it('fails over to the standby on reboot with failover: same endpoint, other zone, data intact', { timeout: 120_000 }, async () => {
    const before = await describeDb('shop');
    expect(before.MultiAZ).toBe(true);
    expect(before.SecondaryAvailabilityZone).not.toBe(before.AvailabilityZone);
    const ipBefore = rdsNetwork.resolve(before.Endpoint.Address);
    const r = (await lab.call('rds', 'RebootDBInstance', { DBInstanceIdentifier: 'shop', ForceFailover: true })).DBInstance;
    expect(r).toMatchObject({ DBInstanceStatus: 'rebooting', AvailabilityZone: before.SecondaryAvailabilityZone, SecondaryAvailabilityZone: before.AvailabilityZone });
    await lab.run(2 * 60_000);
    const after = await describeDb('shop');
    expect(after.DBInstanceStatus).toBe('available');
    expect(after.Endpoint.Address).toBe(before.Endpoint.Address);
    // The name now leads to an interface in the standby's subnet.
    const ipAfter = rdsNetwork.resolve(after.Endpoint.Address);
    expect(ipAfter).not.toBe(ipBefore);
    const eni = (await lab.call('ec2', 'DescribeNetworkInterfaces', { Filters: [{ Name: 'addresses.private-ip-address', Values: [ipAfter] }] })).NetworkInterfaces[0];
    expect(eni.AvailabilityZone).toBe(before.SecondaryAvailabilityZone);
    expect(await rows('shop', 'SELECT COUNT(*) AS n FROM orders')).toEqual([{ n: 5 }]);
    const events = (await lab.call('rds', 'DescribeEvents', { SourceType: 'db-instance', SourceIdentifier: 'shop', EventCategories: ['failover'] })).Events;
    expect(events.map((e: any) => e.Message)).toEqual(['Multi-AZ instance failover started', 'Multi-AZ instance failover completed']);
    const bad = await lab.call('rds', 'RebootDBInstance', { DBInstanceIdentifier: 'shop-replica', ForceFailover: true }).catch((e: any) => e);
    expect(bad.code).toBe('InvalidParameterCombination');
  });

  it('publishes AWS/RDS metrics measured from the engine', { timeout: 60_000 }, async () => {
    const c = await connect('shop');
    for (let i = 10; i < 20; i++) await c.query(`INSERT INTO orders VALUES (${i}, 'load')`);
    // Three simulated minutes: the first sample asks the engine, the next ones publish its answers.
    for (let m = 0; m < 3; m++) {
      lab.engine.clock.advance(60_000);
      await new Promise((r) => setTimeout(r, 500));
    }
    c.destroy();
    const stat = async (name: string) =>
      (
        await lab.call('monitoring', 'GetMetricStatistics', {
          Namespace: 'AWS/RDS',
          MetricName: name,
          Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'shop' }],
          StartTime: new Date(lab.engine.clock.now() - 10 * 60_000),
          EndTime: new Date(lab.engine.clock.now()),
          Period: 60,
          Statistics: ['Maximum'],
        })
      ).Datapoints.map((d: any) => d.Maximum) as number[];
    expect(Math.max(...(await stat('DatabaseConnections')))).toBeGreaterThanOrEqual(1);
    expect(Math.max(...(await stat('WriteIOPS')))).toBeGreaterThan(0);
    const free = await stat('FreeStorageSpace');
    expect(free.length).toBeGreaterThan(0);
    expect(Math.max(...free)).toBeLessThan(20 * 1024 ** 3);
    expect(Math.max(...free)).toBeGreaterThan(19 * 1024 ** 3);
    expect((await stat('FreeableMemory')).length).toBeGreaterThan(0);
  });
});
