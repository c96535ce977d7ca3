/**
 * Users, groups, roles and instance profiles share one shape (account, unique id, name, path, ARN,
 * creation time), so their lookups are written once here, parameterized by kind.
 */
import type { Ctx } from '../../../core/provider';
import type { Store } from '../../../store/store';
import { noSuchGroup, noSuchInstanceProfile, noSuchRole, noSuchUser } from '../errors';
import type { AwsError } from '../../../protocol/errors';

export type EntityKind = 'user' | 'group' | 'role' | 'instance-profile';

export interface EntityRow {
  account_id: string;
  id: string;
  name: string;
  name_lower: string;
  path: string;
  arn: string;
  created_at: number;
}

export interface RoleRow extends EntityRow {
  trust_policy: string;
  description: string | null;
  max_session_duration: number;
  last_used: number | null;
  last_used_region: string | null;
}

export const TABLE: Record<EntityKind, string> = {
  user: 'iam_users',
  group: 'iam_groups',
  role: 'iam_roles',
  'instance-profile': 'iam_instance_profiles',
};

const NOT_FOUND: Record<EntityKind, (name: string) => AwsError> = {
  user: noSuchUser,
  group: noSuchGroup,
  role: noSuchRole,
  'instance-profile': noSuchInstanceProfile,
};

export const ID_PREFIX = { user: 'AIDA', group: 'AGPA', role: 'AROA', 'instance-profile': 'AIPA' } as const;

export const entityArn = (accountId: string, kind: EntityKind, path: string, name: string): string =>
  `arn:aws:iam::${accountId}:${kind}${path}${name}`;

export function findEntity<R extends EntityRow = EntityRow>(store: Store, accountId: string, kind: EntityKind, name: string): R | undefined {
  return store.stmt(`SELECT * FROM ${TABLE[kind]} WHERE account_id = ? AND name_lower = ?`).get(accountId, name.toLowerCase()) as R | undefined;
}

export function entityById<R extends EntityRow = EntityRow>(store: Store, kind: EntityKind, id: string): R | undefined {
  return store.stmt(`SELECT * FROM ${TABLE[kind]} WHERE id = ?`).get(id) as R | undefined;
}

export function requireEntity<R extends EntityRow = EntityRow>(ctx: Ctx, kind: EntityKind, name: string): R {
  const row = findEntity<R>(ctx.store, ctx.accountId, kind, name);
  if (!row) throw NOT_FOUND[kind](name);
  return row;
}

export function listEntities<R extends EntityRow = EntityRow>(store: Store, accountId: string, kind: EntityKind, pathPrefix = '/'): R[] {
  return store
    .stmt(`SELECT * FROM ${TABLE[kind]} WHERE account_id = ? AND substr(path, 1, length(?)) = ? ORDER BY name_lower`)
    .all(accountId, pathPrefix, pathPrefix) as R[];
}

export const deleteEntity = (store: Store, kind: EntityKind, id: string): void => {
  store.stmt(`DELETE FROM ${TABLE[kind]} WHERE id = ?`).run(id);
  store.stmt('DELETE FROM iam_tags WHERE entity_id = ?').run(id);
};

/** IAM answers Marker/IsTruncated lists; the marker is the next item's offset. */
export function paginate<T>(items: T[], marker: string | undefined, maxItems: number | undefined): { page: T[]; IsTruncated: boolean; Marker?: string } {
  const start = marker ? Number.parseInt(Buffer.from(marker, 'base64').toString(), 10) || 0 : 0;
  const max = maxItems ?? 100;
  const page = items.slice(start, start + max);
  const more = start + max < items.length;
  return { page, IsTruncated: more, Marker: more ? Buffer.from(String(start + max)).toString('base64') : undefined };
}

// Tags

export const tagsOf = (store: Store, entityId: string): { Key: string; Value: string }[] =>
  store.stmt('SELECT key AS Key, value AS Value FROM iam_tags WHERE entity_id = ? ORDER BY key').all(entityId) as { Key: string; Value: string }[];

export function setTags(store: Store, entityId: string, tags: { Key: string; Value: string }[] | undefined): void {
  for (const t of tags ?? []) store.stmt('INSERT OR REPLACE INTO iam_tags (entity_id, key, value) VALUES (?, ?, ?)').run(entityId, t.Key, t.Value ?? '');
}

export const tagsOutput = (store: Store, entityId: string): { Key: string; Value: string }[] | undefined => {
  const t = tagsOf(store, entityId);
  return t.length > 0 ? t : undefined;
};
