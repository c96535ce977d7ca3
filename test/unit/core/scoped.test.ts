// Scoped state helpers (core/scoped.ts) and the isolation check new services reuse.
import { describe, expect, it } from 'vitest';
import { scoped, scopeSql } from '../../../src-main/engine/core/scoped';
import { createEngine } from '../../../src-main/engine/index';
import { expectIsolated } from '../../helpers/isolation';

describe('scopeSql', () => {
  it('adds the scope to a WHERE, in parentheses, before ORDER BY and LIMIT', () => {
    expect(scopeSql('SELECT * FROM q WHERE a = ? OR b = ? ORDER BY a LIMIT 5', 'region')).toBe(
      'SELECT * FROM q WHERE account_id = @scope_account AND region = @scope_region AND (a = ? OR b = ?) ORDER BY a LIMIT 5',
    );
    expect(scopeSql('SELECT name FROM q ORDER BY name', 'account')).toBe('SELECT name FROM q WHERE account_id = @scope_account ORDER BY name');
    expect(scopeSql('DELETE FROM q', 'region')).toBe('DELETE FROM q WHERE account_id = @scope_account AND region = @scope_region');
  });

  it('refuses what it cannot scope safely', () => {
    expect(() => scopeSql('SELECT * FROM a JOIN b ON a.x = b.x', 'region')).toThrow(/one table/);
    expect(() => scopeSql('INSERT INTO q VALUES (1)', 'region')).toThrow(/insert\(\)/);
  });
});

describe('scoped()', () => {
  it('reads, writes and deletes only within the caller account and region', () => {
    const engine = createEngine();
    const db = engine.store.db;
    db.exec('CREATE TABLE kit_things (account_id TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, size INTEGER, PRIMARY KEY (account_id, region, name))');
    const ctx = (accountId: string, region: string) => ({ store: engine.store, accountId, region });
    for (const [a, r] of [['111111111111', 'us-east-1'], ['111111111111', 'eu-west-1'], ['222222222222', 'us-east-1']] as const)
      scoped(ctx(a, r)).insert('kit_things', { name: 'same', size: a.length + r.length });
    const mine = scoped(ctx('111111111111', 'us-east-1'));
    expect(mine.all('SELECT name, size FROM kit_things')).toEqual([{ name: 'same', size: 21 }]);
    expect(mine.get('SELECT size FROM kit_things WHERE name = ? OR 1 = 1', 'same')).toEqual({ size: 21 });
    expect(mine.run('UPDATE kit_things SET size = ? WHERE name = ?', 0, 'same').changes).toBe(1);
    expect(mine.run('DELETE FROM kit_things WHERE name = @n', { n: 'same' }).changes).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM kit_things').get()).toEqual({ n: 2 });
    expect(scoped(ctx('111111111111', 'eu-west-1'), 'account').all('SELECT region FROM kit_things')).toEqual([{ region: 'eu-west-1' }]);
    engine.close();
  });
});

describe('isolation check (test/helpers/isolation.ts)', () => {
  it('EC2 security groups: the same names in two accounts and two regions never see each other', async () => {
    const engine = createEngine();
    await expectIsolated(engine, {
      make: (call, name) => call('ec2', 'CreateSecurityGroup', { GroupName: name, Description: 'isolation' }),
      names: async (call) =>
        ((await call('ec2', 'DescribeSecurityGroups', {})).SecurityGroups as { GroupName: string }[]).map((g) => g.GroupName).filter((n) => n !== 'default'),
    });
    engine.close();
  });

  it('IAM users (global): accounts never share, regions do', async () => {
    const engine = createEngine();
    await expectIsolated(engine, {
      scope: 'account',
      make: (call, name) => call('iam', 'CreateUser', { UserName: name }),
      names: async (call) => ((await call('iam', 'ListUsers', {})).Users as { UserName: string }[]).map((u) => u.UserName),
    });
    engine.close();
  });
});
