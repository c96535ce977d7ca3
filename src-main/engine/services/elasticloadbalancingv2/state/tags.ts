/** Tags of load balancers, target groups, listeners and rules (by ARN). */
import type { Ctx } from '../../../core/provider';
import { validationError } from '../errors';

export interface Tag {
  Key: string;
  Value?: string;
}

export function putTags(ctx: Ctx, arn: string, tags: readonly Tag[] | undefined): void {
  for (const t of tags ?? []) {
    if (t.Key.toLowerCase().startsWith('aws:') && ctx.principal.type !== 'service') throw validationError(`Tag keys starting with 'aws:' are reserved for internal use`);
    ctx.store.stmt('INSERT INTO elbv2_tags (resource_arn, key, value) VALUES (?, ?, ?) ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value').run(arn, t.Key, t.Value ?? '');
  }
}

export function removeTags(ctx: Ctx, arn: string, keys: readonly string[]): void {
  for (const k of keys) ctx.store.stmt('DELETE FROM elbv2_tags WHERE resource_arn = ? AND key = ?').run(arn, k);
}

export const tagsOf = (ctx: Ctx, arn: string): { Key: string; Value: string }[] =>
  ctx.store.stmt('SELECT key AS Key, value AS Value FROM elbv2_tags WHERE resource_arn = ? ORDER BY key').all(arn) as { Key: string; Value: string }[];

export const dropTags = (ctx: Ctx, arn: string): void => {
  ctx.store.stmt('DELETE FROM elbv2_tags WHERE resource_arn = ?').run(arn);
};
