/** Tag/Untag/List tags of users and roles. */
import type { Ctx } from '../../core/provider';
import { checkTags } from './names';
import { limitExceeded } from './errors';
import { requireEntity, setTags, tagsOf, type EntityKind } from './state/entities';

export function tagEntity(ctx: Ctx, kind: EntityKind, name: string, tags: { Key: string; Value: string }[]): Record<string, never> {
  const e = requireEntity(ctx, kind, name);
  checkTags(tags);
  const keys = new Set([...tagsOf(ctx.store, e.id).map((t) => t.Key), ...tags.map((t) => t.Key)]);
  if (keys.size > 50) throw limitExceeded(`Cannot exceed quota for TagsPer${kind === 'user' ? 'User' : 'Role'}: 50`);
  setTags(ctx.store, e.id, tags);
  return {};
}

export function untagEntity(ctx: Ctx, kind: EntityKind, name: string, keys: string[]): Record<string, never> {
  const e = requireEntity(ctx, kind, name);
  for (const k of keys) ctx.store.stmt('DELETE FROM iam_tags WHERE entity_id = ? AND key = ?').run(e.id, k);
  return {};
}

export const listTags = (ctx: Ctx, kind: EntityKind, name: string) => ({ Tags: tagsOf(ctx.store, requireEntity(ctx, kind, name).id), IsTruncated: false });
