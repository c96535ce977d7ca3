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
