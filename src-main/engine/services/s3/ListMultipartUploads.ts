import type { Ctx } from '../../core/provider';
import { clampMaxKeys, encoderFor, walkListing } from './listing';
import { ownerOf } from './owner';
import { requireBucket } from './state/buckets';
import { iterateUploads, type UploadRow } from './state/uploads';

interface ListMultipartUploadsInput {
  Bucket: string;
  Delimiter?: string;
  EncodingType?: string;
  KeyMarker?: string;
  MaxUploads?: number;
  Prefix?: string;
  UploadIdMarker?: string;
}

/** Uploads after the marker: later keys, or the marker key's uploads started after UploadIdMarker. */
function* afterMarker(rows: Iterable<UploadRow>, keyMarker: string, uploadIdMarker: string | undefined): Generator<UploadRow> {
  let passedMarker = false;
  for (const row of rows) {
    if (row.key === keyMarker && keyMarker !== '') {
      if (uploadIdMarker !== undefined && passedMarker) yield row;
      else if (row.upload_id === uploadIdMarker) passedMarker = true;
      continue;
    }
    if (row.key > keyMarker) yield row;
  }
}

export const ListMultipartUploads = (ctx: Ctx, input: ListMultipartUploadsInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const prefix = input.Prefix ?? '';
  const keyMarker = input.KeyMarker ?? '';
  const maxUploads = clampMaxKeys(input.MaxUploads, 'maxUploads');
  const rows = () => afterMarker(iterateUploads(ctx.store, bucket.id, keyMarker, prefix), keyMarker, input.UploadIdMarker);
  const page = walkListing<UploadRow>(rows, (u) => u.key, {
    prefix,
    delimiter: input.Delimiter,
    after: '',
    afterPrefix: keyMarker,
    maxKeys: maxUploads,
  });
  const enc = encoderFor(input.EncodingType);
  const owner = ownerOf(bucket.account_id);
  const out: Record<string, unknown> = {
    Bucket: input.Bucket,
    KeyMarker: enc(keyMarker),
    UploadIdMarker: input.UploadIdMarker ?? '',
    Prefix: enc(prefix),
    MaxUploads: maxUploads,
    IsTruncated: page.truncated,
    Uploads:
      page.items.length === 0
        ? undefined
        : page.items.map((u) => ({
            UploadId: u.upload_id,
            Key: enc(u.key),
            Initiated: new Date(u.initiated),
            StorageClass: u.storage_class,
            Owner: owner,
            Initiator: { ID: u.initiator_id, DisplayName: u.initiator_name },
          })),
  };
  if (input.Delimiter !== undefined) out.Delimiter = enc(input.Delimiter);
  if (page.prefixes.length > 0) out.CommonPrefixes = page.prefixes.map((p) => ({ Prefix: enc(p) }));
  if (input.EncodingType !== undefined) out.EncodingType = input.EncodingType;
  if (page.truncated) {
    const lastItem = page.items[page.items.length - 1];
    out.NextKeyMarker = enc(page.last ?? '');
    if (lastItem && page.last === lastItem.key) out.NextUploadIdMarker = lastItem.upload_id;
  }
  return out;
};
