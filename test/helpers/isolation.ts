/**
 * The isolation check every service runs (one line per service pattern): the same names made in two
 * accounts and two regions never see each other. `make` creates a thing by name as the principal, in
 * the region; `names` lists what that principal sees there.
 */
import { expect } from 'vitest';
import type { Engine } from '../../src-main/engine/index';
import type { Principal } from '../../src-main/engine/protocol/types';

export type AsCaller = (service: string, operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

export interface IsolationCase {
  /** Creates `name` (the same names in every account and region). */
  make(call: AsCaller, name: string): Promise<unknown>;
  /** The names the caller sees. */
  names(call: AsCaller): Promise<string[]>;
  /** 'region' (the default) or 'account' for global services (IAM): regions then share. */
  scope?: 'region' | 'account';
}

/** A root principal of another account (the lab has one real account; ids are all the engine needs). */
export const otherAccount = (accountId = '210987654321'): Principal => ({ type: 'root', accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId });

export async function expectIsolated(engine: Engine, c: IsolationCase, regions: [string, string] = ['us-east-1', 'eu-west-1']): Promise<void> {
  const principals = [engine.account.root, otherAccount()];
  const as = (p: Principal, region: string): AsCaller => (service, operation, input) =>
    engine.call(p, service, operation, input, { region, source: 'internal' }) as Promise<Record<string, unknown>>;
  const made: Record<string, string[]> = {};
  for (const p of principals)
    for (const region of regions) {
      const own = [`shared-name`, `only-${p.accountId}-${region}`];
      for (const n of own) if (c.scope !== 'account' || region === regions[0] || n !== 'shared-name') await c.make(as(p, region), n);
      made[`${p.accountId}/${region}`] = own;
    }
  for (const p of principals)
    for (const region of regions) {
      const seen = (await c.names(as(p, region))).sort();
      const expected =
        c.scope === 'account'
          ? [...new Set(regions.flatMap((r) => made[`${p.accountId}/${r}`]!))].sort()
          : [...made[`${p.accountId}/${region}`]!].sort();
      expect(seen, `${p.accountId} in ${region}`).toEqual(expected);
    }
}
