/**
 * The account's IAM generation: every IAM write changes it, so the authorizer knows when its cached
 * effective policies are stale. Values come from one process-wide increasing counter, never reused,
 * so a rolled-back write or a restored snapshot can never revive a cache entry for different data.
 */
import type { Store } from '../../../store/store';

let counter = Date.now() * 1000;

export function bumpGeneration(store: Store, accountId: string): void {
  store.stmt('INSERT INTO iam_generation (account_id, gen) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET gen = excluded.gen').run(accountId, ++counter);
}

export const generationOf = (store: Store, accountId: string): number =>
  (store.stmt('SELECT gen FROM iam_generation WHERE account_id = ?').get(accountId) as { gen: number } | undefined)?.gen ?? 0;
