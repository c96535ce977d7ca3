/** Classic load balancers' tags (at most 50 each). */
import type { Ctx } from '../../../core/provider';
import { tooManyTags } from '../errors';

export function putTags(ctx: Ctx, name: string, tags: readonly { Key: string; Value?: string }[]): void {
  for (const t of tags) {
    ctx.store
      .stmt('INSERT INTO elb_tags (account_id, region, lb_name, key, value) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, region, lb_name, key) DO UPDATE SET value = excluded.value')
      .run(ctx.accountId, ctx.region, name, t.Key, t.Value ?? '');
  }
  const n = (ctx.store.stmt('SELECT count(*) AS n FROM elb_tags WHERE account_id = ? AND region = ? AND lb_name = ?').get(ctx.accountId, ctx.region, name) as { n: number }).n;
  if (n > 50) throw tooManyTags(name);
}

export function removeTags(ctx: Ctx, name: string, keys: readonly string[]): void {
  for (const k of keys) ctx.store.stmt('DELETE FROM elb_tags WHERE account_id = ? AND region = ? AND lb_name = ? AND key = ?').run(ctx.accountId, ctx.region, name, k);
}

export function dropTags(ctx: Ctx, name: string): void {
  ctx.store.stmt('DELETE FROM elb_tags WHERE account_id = ? AND region = ? AND lb_name = ?').run(ctx.accountId, ctx.region, name);
}
