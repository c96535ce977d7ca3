/** DynamoDB Streams' errors, one factory per AWS code, in the service's wording. */
import { AwsError } from '../../protocol/errors';

export const validation = (message: string) => new AwsError('ValidationException', message, 400);
export const outOfRange = (value: number, field: string, bound: string) =>
  validation(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${bound}`);
export const resourceNotFound = (message: string) => new AwsError('ResourceNotFoundException', message, 400);
export const streamNotFound = (arn: string) => resourceNotFound(`Requested resource not found: Stream: ${arn} not found`);
export const expiredIterator = (issued: number, now: number) =>
  new AwsError(
    'ExpiredIteratorException',
    `Iterator expired. The iterator was created at time ${new Date(issued).toUTCString()} while right now it is ${new Date(now).toUTCString()} which is further in the future than the tolerated delay of 900000 milliseconds.`,
    400,
  );
export const trimmedDataAccess = () =>
  new AwsError('TrimmedDataAccessException', 'The operation attempted to read past the oldest stream record in a shard.', 400);
