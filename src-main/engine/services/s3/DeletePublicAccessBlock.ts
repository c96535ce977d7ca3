import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { requireBucket } from './state/buckets';
import { setPublicAccessBlock } from './state/public-access';

export const DeletePublicAccessBlock = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  setPublicAccessBlock(ctx.store, bucket.id, null);
  return { [HTTP_STATUS]: 204 };
};
