import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { requireBucket } from './state/buckets';
import { deleteWebsite } from './state/websites';

export const DeleteBucketWebsite = (ctx: Ctx, input: { Bucket: string }) => {
  deleteWebsite(ctx.store, requireBucket(ctx, input.Bucket).id);
  return { [HTTP_STATUS]: 204 };
};
