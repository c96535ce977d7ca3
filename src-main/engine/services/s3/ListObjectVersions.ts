import type { Ctx } from '../../core/provider';
import type { ListObjectVersionsInput } from '../../models/generated/s3';
import { invalidArgument } from './errors';
import { clampMaxKeys, encoderFor } from './listing';
import { ownerOf } from './owner';
import { restoreStatusOf } from './state/restores';
import { requireBucket } from './state/buckets';
import { iterateVersions, type VersionEntry } from './state/versions';

interface Page {
  entries: VersionEntry[];
  prefixes: string[];
  truncated: boolean;
  nextKey?: string;
  nextVersion?: string;
}

/**
 * Every version and delete marker, keys in order and newest first within a key. MaxKeys counts
 * versions, markers and common prefixes alike; (KeyMarker, VersionIdMarker) resume after one entry,
 * KeyMarker alone after the whole key.
 */
function walk(rows: () => Iterable<VersionEntry>, prefix: string, delimiter: string | undefined, keyMarker: string, versionMarker: string | undefined, max: number): Page {
  const page: Page = { entries: [], prefixes: [], truncated: false };
  if (max <= 0) return page;
  let skipping = true; // inside KeyMarker's key, until VersionIdMarker has gone by
  let lastPrefix: string | undefined;
  for (const e of rows()) {
    if (!e.key.startsWith(prefix)) {
      if (e.key > prefix) break;
      continue;
    }
    let common: string | undefined;
    if (delimiter) {
      const at = e.key.indexOf(delimiter, prefix.length);
      if (at >= 0) common = e.key.slice(0, at + delimiter.length);
    }
    if (common !== undefined) {
      if (common === lastPrefix || common <= keyMarker) continue;
    } else {
      if (e.key < keyMarker) continue;
      if (e.key === keyMarker) {
        if (versionMarker === undefined) continue;
        if (skipping) {
          if (e.version_id === versionMarker) skipping = false;
          continue;
        }
      }
    }
    if (page.entries.length + page.prefixes.length === max) {
      page.truncated = true;
      break;
    }
    if (common !== undefined) {
      lastPrefix = common;
      page.prefixes.push(common);
      page.nextKey = common;
      page.nextVersion = undefined;
    } else {
      page.entries.push(e);
      page.nextKey = e.key;
      page.nextVersion = e.version_id;
    }
  }
  return page;
}

export const ListObjectVersions = (ctx: Ctx, input: ListObjectVersionsInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  if (input.VersionIdMarker !== undefined && input.VersionIdMarker !== '' && !input.KeyMarker) {
    throw invalidArgument('A version-id marker cannot be specified without a key marker.', 'version-id-marker', input.VersionIdMarker);
  }
  const prefix = input.Prefix ?? '';
  const keyMarker = input.KeyMarker ?? '';
  const maxKeys = clampMaxKeys(input.MaxKeys);
  const from = keyMarker > prefix ? keyMarker : prefix;
  const page = walk(() => iterateVersions(ctx.store, bucket.id, from), prefix, input.Delimiter, keyMarker, input.VersionIdMarker || undefined, maxKeys);
  const enc = encoderFor(input.EncodingType);
  const owner = ownerOf(bucket.account_id);
  const now = ctx.clock.now();
  const versions = page.entries
    .filter((e) => !e.delete_marker)
    .map((e) => {
      const restore = restoreStatusOf(e.restore, now);
      return {
        ETag: e.etag,
        Size: e.size,
        StorageClass: e.storage_class,
        Key: enc(e.key),
        VersionId: e.version_id,
        IsLatest: e.is_latest === 1,
        LastModified: new Date(e.last_modified),
        Owner: owner,
        ...(restore ? { RestoreStatus: restore } : {}),
      };
    });
  const markers = page.entries
    .filter((e) => e.delete_marker)
    .map((e) => ({ Owner: owner, Key: enc(e.key), VersionId: e.version_id, IsLatest: e.is_latest === 1, LastModified: new Date(e.last_modified) }));
  const out: Record<string, unknown> = {
    IsTruncated: page.truncated,
    KeyMarker: enc(keyMarker),
    VersionIdMarker: input.VersionIdMarker ?? '',
    Name: bucket.name,
    Prefix: enc(prefix),
    MaxKeys: maxKeys,
  };
  if (versions.length > 0) out.Versions = versions;
  if (markers.length > 0) out.DeleteMarkers = markers;
  if (input.Delimiter !== undefined) out.Delimiter = enc(input.Delimiter);
  if (page.prefixes.length > 0) out.CommonPrefixes = page.prefixes.map((p) => ({ Prefix: enc(p) }));
  if (page.truncated && page.nextKey !== undefined) {
    out.NextKeyMarker = enc(page.nextKey);
    if (page.nextVersion !== undefined) out.NextVersionIdMarker = page.nextVersion;
  }
  if (input.EncodingType !== undefined) out.EncodingType = input.EncodingType;
  return out;
};
