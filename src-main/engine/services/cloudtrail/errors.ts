/** CloudTrail's errors (json protocol), one factory per AWS code. */
import { AwsError } from '../../protocol/errors';

export const invalidLookupAttributes = (message: string) =>
  new AwsError('InvalidLookupAttributesException', message, 400);
export const invalidTimeRange = (message: string) => new AwsError('InvalidTimeRangeException', message, 400);
export const invalidMaxResults = (message: string) => new AwsError('InvalidMaxResultsException', message, 400);
export const invalidNextToken = (message: string) => new AwsError('InvalidNextTokenException', message, 400);
export const trailAlreadyExists = (message: string) => new AwsError('TrailAlreadyExistsException', message, 400);
export const trailNotFound = (message: string) => new AwsError('TrailNotFoundException', message, 400);
export const invalidTrailName = (message: string) => new AwsError('InvalidTrailNameException', message, 400);
export const s3BucketDoesNotExist = (message: string) => new AwsError('S3BucketDoesNotExistException', message, 400);
