import type { Ctx } from '../../core/provider';
import { noSuchUpload } from './errors';
import { ownerOf } from './owner';
import { requireBucket } from './state/buckets';
import { findUpload, listParts } from './state/uploads';

interface ListPartsInput {
  Bucket: string;
  Key: string;
  UploadId: string;
  MaxParts?: number;
  PartNumberMarker?: number;
}

export const ListParts = (ctx: Ctx, input: ListPartsInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const upload = findUpload(ctx.store, bucket.id, input.Key, input.UploadId);
  if (!upload) throw noSuchUpload(input.UploadId);
  const max = Math.max(0, Math.min(input.MaxParts ?? 1000, 1000));
  const marker = input.PartNumberMarker ?? 0;
  const rows = listParts(ctx.store, upload.id, marker, max + 1);
  const page = rows.slice(0, max);
  const out: Record<string, unknown> = {
    Bucket: input.Bucket,
    Key: input.Key,
    UploadId: input.UploadId,
    PartNumberMarker: marker,
    MaxParts: max,
    IsTruncated: rows.length > max,
    Parts: page.map((p) => ({ PartNumber: p.part_number, LastModified: new Date(p.last_modified), ETag: p.etag, Size: p.size })),
    Initiator: { ID: upload.initiator_id, DisplayName: upload.initiator_name },
    Owner: ownerOf(bucket.account_id),
    StorageClass: upload.storage_class,
  };
  if (page.length > 0) out.NextPartNumberMarker = page[page.length - 1]!.part_number;
  return out;
};
