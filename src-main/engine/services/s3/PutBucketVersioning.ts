import type { Ctx } from '../../core/provider';
import type { PutBucketVersioningInput } from '../../models/generated/s3';
import { AwsError } from '../../protocol/errors';
import { malformedXML } from './errors';
import { requireBucket } from './state/buckets';
import { setVersioning } from './state/versions';

/** §8.3's sidebar turns versioning on; once on, a bucket can only be suspended, never unversioned again. */
export const PutBucketVersioning = (ctx: Ctx, input: PutBucketVersioningInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const { Status, MFADelete } = input.VersioningConfiguration ?? {};
  if (Status !== 'Enabled' && Status !== 'Suspended') throw malformedXML();
  if (MFADelete !== undefined && MFADelete !== 'Disabled' && MFADelete !== 'Enabled') throw malformedXML();
  // MFA Delete needs the root user's MFA device on every request; the lab has no such device.
  if (MFADelete === 'Enabled') throw new AwsError('InvalidRequest', 'MFA Delete cannot be enabled in the lab: it has no MFA devices', 400);
  setVersioning(ctx.store, bucket.id, Status);
  return {};
};
