/** The row whose ACL Get/PutObjectAcl read or write: the current version or a named one. */
import type { Ctx } from '../../core/provider';
import { invalidVersionId, noSuchKey, noSuchVersion } from './errors';
import type { BucketRow } from './state/buckets';
import { findObject } from './state/objects';
import { findVersion, isWellFormedVersionId } from './state/versions';

export function aclRow(ctx: Ctx, bucket: BucketRow, key: string, versionId: string | undefined): { table: 's3_objects' | 's3_versions'; id: number; acl: string | null } {
  if (versionId === undefined) {
    const row = findObject(ctx.store, bucket.id, key);
    if (!row) throw noSuchKey(key);
    return { table: 's3_objects', id: row.id, acl: row.acl };
  }
  if (!isWellFormedVersionId(versionId)) throw invalidVersionId(versionId);
  const found = findVersion(ctx.store, bucket.id, key, versionId);
  if (!found || (!found.current && found.row.delete_marker)) throw noSuchVersion(key, versionId);
  return { table: found.current ? 's3_objects' : 's3_versions', id: found.row.id, acl: found.row.acl };
}
