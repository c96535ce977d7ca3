/**
 * RDS for PostgreSQL: point-in-time restore (a transaction still open at the restore time is not in
 * the copy; committed rows before it are), and a read replica that follows the primary and answers
 * PostgreSQL's own read-only error, through the `pg` client on `nimbus tunnel`'s stream.
 */
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tunnelTo } from '../../../src-main/engine/index';
import { rdsLab, type RdsLab } from '../services/rds/lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
let lab: RdsLab;

async function connect(id: string): Promise<Client> {
  const t = await tunnelTo(lab.engine.store, id);
  if (typeof t === 'string') throw new Error(t);
  const stream = t.stream as any;
  // pg connects its stream itself: the tunnel's is already connected.
  stream.connect = () => queueMicrotask(() => stream.emit('connect'));
  stream.setNoDelay = () => stream;
  stream.setKeepAlive = () => stream;
  const c = new Client({ stream: () => stream, user: 'master', password: 'master-secret', database: 'postgres' });
  await c.connect();
  return c;
}
async function rows(id: string, sql: string): Promise<any[]> {
  const c = await connect(id);
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end().catch(() => undefined);
  }
}

beforeAll(async () => {
  lab = rdsLab();
  await lab.call('rds', 'CreateDBInstance', {
    DBInstanceIdentifier: 'ledger',
    Engine: 'postgres',
    DBInstanceClass: 'db.t3.micro',
    AllocatedStorage: 20,
    MasterUsername: 'master',
    MasterUserPassword: 'master-secret',
  });
  await lab.run(5 * 60_000);
}, 300_000);

afterAll(async () => {
  lab.engine.close();
  await lab.engine.supervisor.dispose();
}, 60_000);

describe('RDS for PostgreSQL: point in time and read replica', () => {
  it('restores to a second inside an open transaction without that transaction', { timeout: 120_000 }, async () => {
    await lab.until(async () => (await lab.call('rds', 'DescribeDBSnapshots', { DBInstanceIdentifier: 'ledger', SnapshotType: 'automated' })).DBSnapshots[0]?.Status === 'available', 'the first backup');
    const c = await connect('ledger');
    await c.query('create table entries (id int primary key, memo text)');
    await c.query("insert into entries values (1, 'committed at t1')");
    lab.engine.clock.advance(60_000);
    await c.query('begin');
    await c.query("insert into entries values (2, 'still open at the restore time')");
    lab.engine.clock.advance(30_000);
    const at = lab.engine.clock.now();
    lab.engine.clock.advance(30_000);
    await c.query('commit');
    await c.end();
    await lab.call('rds', 'RestoreDBInstanceToPointInTime', { SourceDBInstanceIdentifier: 'ledger', TargetDBInstanceIdentifier: 'ledger-then', RestoreTime: new Date(at) });
    await lab.run(5 * 60_000);
    expect(await rows('ledger-then', 'select id, memo from entries order by id')).toEqual([{ id: 1, memo: 'committed at t1' }]);
    expect(await rows('ledger', 'select id from entries order by id')).toEqual([{ id: 1 }, { id: 2 }]);
    await lab.call('rds', 'DeleteDBInstance', { DBInstanceIdentifier: 'ledger-then', SkipFinalSnapshot: true });
  });

  it('makes a replica that follows the primary and refuses writes as a hot standby does', { timeout: 120_000 }, async () => {
    await lab.call('rds', 'CreateDBInstanceReadReplica', { DBInstanceIdentifier: 'ledger-ro', SourceDBInstanceIdentifier: 'ledger' });
    await lab.run(5 * 60_000);
    expect(await rows('ledger-ro', 'select count(*)::int as n from entries')).toEqual([{ n: 2 }]);
    await rows('ledger', "insert into entries values (3, 'after the replica')");
    await lab.until(async () => (await rows('ledger-ro', 'select count(*)::int as n from entries'))[0].n === 3, 'the replica to follow', 10_000);
    const refused = await rows('ledger-ro', "insert into entries values (4, 'on the replica')").catch((e: any) => e);
    expect({ code: refused.code, message: refused.message }).toEqual({ code: '25006', message: 'cannot execute INSERT in a read-only transaction' });
  });
});

describe('RDS for PostgreSQL: parameter groups and snapshot copies', () => {
  it('applies max_connections from a parameter group after the reboot it waits for', { timeout: 120_000 }, async () => {
    await lab.call('rds', 'CreateDBParameterGroup', { DBParameterGroupName: 'few-clients', DBParameterGroupFamily: 'postgres16', Description: 'two clients at most' });
    const refused = await lab.call('rds', 'ModifyDBParameterGroup', { DBParameterGroupName: 'few-clients', Parameters: [{ ParameterName: 'max_connections', ParameterValue: '2', ApplyMethod: 'immediate' }] }).catch((e: any) => e);
    expect(refused.code).toBe('InvalidParameterCombination');
    await lab.call('rds', 'ModifyDBParameterGroup', { DBParameterGroupName: 'few-clients', Parameters: [{ ParameterName: 'max_connections', ParameterValue: '2', ApplyMethod: 'pending-reboot' }] });
    const params = (await lab.call('rds', 'DescribeDBParameters', { DBParameterGroupName: 'few-clients', Source: 'user' })).Parameters;
    expect(params).toEqual([expect.objectContaining({ ParameterName: 'max_connections', ParameterValue: '2', Source: 'user', ApplyType: 'static' })]);
    await lab.call('rds', 'ModifyDBInstance', { DBInstanceIdentifier: 'ledger', DBParameterGroupName: 'few-clients', ApplyImmediately: true });
    let db = (await lab.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'ledger' })).DBInstances[0];
    expect(db.DBParameterGroups).toEqual([{ DBParameterGroupName: 'few-clients', ParameterApplyStatus: 'pending-reboot' }]);
    await lab.call('rds', 'RebootDBInstance', { DBInstanceIdentifier: 'ledger' });
    await lab.run(2 * 60_000);
    db = (await lab.call('rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'ledger' })).DBInstances[0];
    expect(db.DBParameterGroups[0].ParameterApplyStatus).toBe('in-sync');
    const a = await connect('ledger');
    const b = await connect('ledger');
    const third = await connect('ledger').catch((e: any) => e);
    expect({ code: third.code, message: third.message }).toEqual({ code: '53300', message: 'sorry, too many clients already' });
    await a.end();
    await b.end();
    const used = await lab.call('rds', 'DeleteDBParameterGroup', { DBParameterGroupName: 'few-clients' }).catch((e: any) => e);
    expect(used.code).toBe('InvalidDBParameterGroupState');
  });

  it('copies a snapshot to eu-west-1 (§11.3.4)', { timeout: 60_000 }, async () => {
    await lab.call('rds', 'CreateDBSnapshot', { DBInstanceIdentifier: 'ledger', DBSnapshotIdentifier: 'ledger-manual' });
    await lab.until(async () => (await lab.call('rds', 'DescribeDBSnapshots', { DBSnapshotIdentifier: 'ledger-manual' })).DBSnapshots[0].Status === 'available', 'the snapshot');
    const eu = (op: string, input: Record<string, unknown>) => lab.engine.call(lab.engine.account.root, 'rds', op, input, { region: 'eu-west-1', source: 'api' }) as Promise<any>;
    const arn = `arn:aws:rds:us-east-1:${lab.engine.account.accountId}:snapshot:ledger-manual`;
    const copy = (await eu('CopyDBSnapshot', { SourceDBSnapshotIdentifier: arn, TargetDBSnapshotIdentifier: 'ledger-in-ireland', SourceRegion: 'us-east-1' })).DBSnapshot;
    expect(copy).toMatchObject({ DBSnapshotIdentifier: 'ledger-in-ireland', Status: 'creating', SourceRegion: 'us-east-1', SourceDBSnapshotIdentifier: arn });
    await lab.until(async () => (await eu('DescribeDBSnapshots', { DBSnapshotIdentifier: 'ledger-in-ireland' })).DBSnapshots[0].Status === 'available', 'the copy');
    expect((await eu('DescribeDBSnapshots', {})).DBSnapshots.map((s: any) => s.DBSnapshotIdentifier)).toEqual(['ledger-in-ireland']);
    expect((await lab.call('rds', 'DescribeDBSnapshots', { SnapshotType: 'manual' })).DBSnapshots.map((s: any) => s.DBSnapshotIdentifier)).toEqual(['ledger-manual']);
  });

  it('backs the database up every day in its backup window and keeps the retention period', { timeout: 60_000 }, async () => {
    const automated = async () => (await lab.call('rds', 'DescribeDBSnapshots', { DBInstanceIdentifier: 'ledger', SnapshotType: 'automated' })).DBSnapshots as any[];
    const before = (await automated()).length;
    // To the next 03:00 UTC, the start of the default window 03:00-03:30.
    const now = lab.engine.clock.now();
    const d = new Date(now);
    let next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 3, 0);
    if (next <= now) next += 24 * 3600_000;
    lab.engine.clock.advance(next - now);
    await lab.until(async () => (await automated()).length === before + 1 && (await automated()).every((s) => s.Status === 'available'), 'the daily backup');
    const newest = (await automated()).at(-1);
    expect(new Date(newest.SnapshotCreateTime).toISOString().slice(11, 16)).toBe('03:00');
    const events = (await lab.call('rds', 'DescribeEvents', { SourceType: 'db-instance', SourceIdentifier: 'ledger', EventCategories: ['backup'], Duration: 60 })).Events.map((e: any) => e.Message);
    expect(events).toEqual(['Backing up DB instance', 'Finished DB Instance backup']);
  });
});
