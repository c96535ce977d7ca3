/**
 * Tags of every EC2 resource, in one table: ec2_tags(account_id, region, resource_id, key, value).
 *
 * Exported for both halves of the folder:
 *   registerTaggable(kind: TaggableKind): void      each resource kind declares its id prefix, its
 *                                                    DescribeTags resource type and how to check it exists
 *   tagsOf(ctx, resourceId): Tag[]                   sorted by key
 *   tagsByResource(ctx, resourceIds): Map<id, Tag[]> for Describe handlers (one query)
 *   setTags(ctx, resourceId, tags): void             insert or overwrite
 *   deleteAllTags(ctx, resourceId): void             when a resource is deleted
 *   checkTagSpecifications(ctx, specs, allowed): Map<resourceType, Tag[]>   validation, no writes
 *   applyTagSpecifications(ctx, specs, resourceType, resourceId): Tag[]   for Create... and RunInstances
 *   tagOutput(tags): {Key,Value}[] | undefined       the wire form (absent when empty)
 */
import type { Ctx } from '../../../core/provider';
import type { AwsError } from '../../../protocol/errors';
import {
  invalidId,
  invalidParameterValue,
  invalidTagKeyReserved,
  invalidTagResourceType,
  invalidTagSpecificationDuplicate,
  tagLimitExceeded,
} from '../errors';
import type { Tag } from '../filters';

export type { Tag } from '../filters';

export const MAX_TAGS_PER_RESOURCE = 50;

export interface TaggableKind {
  /** Id prefix without the dash: 'vpc', 'subnet', 'sg', 'i'... */
  prefix: string;
  /** DescribeTags' resource-type and TagSpecifications' ResourceType: 'vpc', 'security-group'... */
  resourceType: string;
  /** Throws the kind's NotFound error (e.g. InvalidVpcID.NotFound) when the resource is missing. */
  exists(ctx: Ctx, id: string): boolean;
  notFound(id: string): AwsError;
}

const kinds = new Map<string, TaggableKind>();

export function registerTaggable(kind: TaggableKind): void {
  kinds.set(kind.prefix, kind);
}

export function taggableKindOf(resourceId: string): TaggableKind | undefined {
  const dash = resourceId.lastIndexOf('-');
  return dash > 0 ? kinds.get(resourceId.slice(0, dash)) : undefined;
}

/** Throws AWS's error for an id that names no existing taggable resource. */
export function checkTaggableResource(ctx: Ctx, resourceId: string): TaggableKind {
  const kind = taggableKindOf(resourceId);
  if (!kind || !/^[0-9a-f]{8}(?:[0-9a-f]{9})?$/.test(resourceId.slice(kind.prefix.length + 1))) throw invalidId(resourceId);
  if (!kind.exists(ctx, resourceId)) throw kind.notFound(resourceId);
  return kind;
}

export function tagsOf(ctx: Ctx, resourceId: string): Tag[] {
  return ctx.store
    .stmt('SELECT key AS Key, value AS Value FROM ec2_tags WHERE account_id = ? AND region = ? AND resource_id = ? ORDER BY key')
    .all(ctx.accountId, ctx.region, resourceId) as Tag[];
}

export function tagsByResource(ctx: Ctx, resourceIds: readonly string[]): Map<string, Tag[]> {
  const out = new Map<string, Tag[]>();
  for (const id of resourceIds) out.set(id, []);
  if (resourceIds.length === 0) return out;
  const rows = ctx.store
    .stmt(
      `SELECT resource_id, key, value FROM ec2_tags WHERE account_id = ? AND region = ?
       AND resource_id IN (SELECT value FROM json_each(?)) ORDER BY resource_id, key`,
    )
    .all(ctx.accountId, ctx.region, JSON.stringify(resourceIds)) as { resource_id: string; key: string; value: string }[];
  for (const r of rows) out.get(r.resource_id)?.push({ Key: r.key, Value: r.value });
  return out;
}

/** Every tag of the account+region, for DescribeTags. */
export function allTags(ctx: Ctx): { resourceId: string; key: string; value: string }[] {
  return ctx.store
    .stmt(
      `SELECT resource_id AS resourceId, key, value FROM ec2_tags WHERE account_id = ? AND region = ?
       ORDER BY resource_id, key`,
    )
    .all(ctx.accountId, ctx.region) as { resourceId: string; key: string; value: string }[];
}

/** `aws:` keys are AWS's own: only services acting for the lab (CloudFormation's stack tags) may set them. */
export const mayUseReservedKeys = (ctx: Ctx): boolean => ctx.principal.type === 'service';

export function checkTag(tag: { Key?: string; Value?: string }, reservedAllowed = false): Tag {
  const key = tag.Key;
  if (key === undefined) throw invalidParameterValue('Tag key cannot be null.');
  if (key.length === 0 || key.length > 128)
    throw invalidParameterValue(`Tag key exceeds the maximum length of 128 characters`);
  if (!reservedAllowed && key.toLowerCase().startsWith('aws:')) throw invalidTagKeyReserved();
  const value = tag.Value ?? '';
  if (value.length > 256) throw invalidParameterValue('Tag value exceeds the maximum length of 256 characters');
  return { Key: key, Value: value };
}

/** Writes tags (after checkTag); throws TagLimitExceeded past 50 distinct keys. */
export function setTags(ctx: Ctx, resourceId: string, tags: readonly Tag[]): void {
  const upsert = ctx.store.stmt(
    `INSERT INTO ec2_tags (account_id, region, resource_id, key, value) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account_id, region, resource_id, key) DO UPDATE SET value = excluded.value`,
  );
  for (const t of tags) upsert.run(ctx.accountId, ctx.region, resourceId, t.Key, t.Value);
  const count = ctx.store
    .stmt('SELECT COUNT(*) AS n FROM ec2_tags WHERE account_id = ? AND region = ? AND resource_id = ?')
    .get(ctx.accountId, ctx.region, resourceId) as { n: number };
  // The caller's transaction rolls the inserts back.
  if (count.n > MAX_TAGS_PER_RESOURCE) throw tagLimitExceeded();
}

/** DeleteTags semantics: a tag with a Value is removed only when the value matches. */
export function deleteTags(ctx: Ctx, resourceId: string, tags: readonly { Key?: string; Value?: string }[] | undefined): void {
  if (!tags || tags.length === 0) {
    deleteAllTags(ctx, resourceId);
    return;
  }
  for (const t of tags) {
    if (t.Key === undefined) continue;
    if (t.Value === undefined)
      ctx.store
        .stmt('DELETE FROM ec2_tags WHERE account_id = ? AND region = ? AND resource_id = ? AND key = ?')
        .run(ctx.accountId, ctx.region, resourceId, t.Key);
    else
      ctx.store
        .stmt('DELETE FROM ec2_tags WHERE account_id = ? AND region = ? AND resource_id = ? AND key = ? AND value = ?')
        .run(ctx.accountId, ctx.region, resourceId, t.Key, t.Value);
  }
}

export function deleteAllTags(ctx: Ctx, resourceId: string): void {
  ctx.store.stmt('DELETE FROM ec2_tags WHERE account_id = ? AND region = ? AND resource_id = ?').run(ctx.accountId, ctx.region, resourceId);
}

export interface TagSpecification {
  ResourceType?: string;
  Tags?: { Key?: string; Value?: string }[];
}

/**
 * Validates TagSpecifications before anything is written: each ResourceType must be one the
 * operation can tag, at most once, with at most 50 valid tags. Returns tags per resource type.
 */
export function checkTagSpecifications(
  ctx: Ctx,
  specs: readonly TagSpecification[] | undefined,
  allowed: readonly string[],
): Map<string, Tag[]> {
  const reserved = mayUseReservedKeys(ctx);
  const out = new Map<string, Tag[]>();
  for (const spec of specs ?? []) {
    const type = spec.ResourceType;
    if (type === undefined || type === '') throw invalidParameterValue('Tag specification resource type must have a value');
    if (!allowed.includes(type)) throw invalidTagResourceType(type);
    if (out.has(type)) throw invalidTagSpecificationDuplicate(type);
    const tags = (spec.Tags ?? []).map((t) => checkTag(t, reserved));
    if (tags.length === 0) throw invalidParameterValue('Tag specification must have at least one tag');
    const byKey = new Map<string, Tag>();
    for (const t of tags) byKey.set(t.Key, t);
    if (byKey.size > MAX_TAGS_PER_RESOURCE) throw tagLimitExceeded();
    out.set(type, [...byKey.values()]);
  }
  return out;
}

/** Validates then writes the tags meant for `resourceType`; returns them (for the Create* output). */
export function applyTagSpecifications(
  ctx: Ctx,
  specs: readonly TagSpecification[] | undefined,
  resourceType: string,
  resourceId: string,
): Tag[] {
  const tags = checkTagSpecifications(ctx, specs, [resourceType]).get(resourceType) ?? [];
  if (tags.length > 0) setTags(ctx, resourceId, tags);
  return tags;
}

export const tagOutput = (tags: readonly Tag[] | undefined): Tag[] | undefined => (tags && tags.length > 0 ? [...tags] : undefined);
