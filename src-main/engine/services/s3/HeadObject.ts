import type { Ctx } from '../../core/provider';
import { planRead, type ReadInput } from './object-output';
import { readTarget } from './read-target';
import { requireBucket } from './state/buckets';

/** GetObject without the body; errors travel as bare statuses (no body on HEAD). */
export const HeadObject = (ctx: Ctx, input: ReadInput & { VersionId?: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const target = readTarget(ctx, bucket, input.Key, input.VersionId, 'HEAD', false);
  return Object.assign(planRead(target.row, input).output, target.extra);
};
