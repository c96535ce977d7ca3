/** STS's errors, one factory per AWS code, in STS's wording. */
import { AwsError } from '../../protocol/errors';

export const accessDenied = (message: string) => new AwsError('AccessDenied', message, 403);
export const validationError = (message: string) => new AwsError('ValidationError', message, 400);
export const malformedPolicyDocument = (message: string) => new AwsError('MalformedPolicyDocument', message, 400);
export const packedPolicyTooLarge = (message: string) => new AwsError('PackedPolicyTooLarge', message, 400);
export const invalidAuthorizationMessage = (message: string) => new AwsError('InvalidAuthorizationMessageException', message, 400);

export const constraintViolation = (value: string, field: string, constraint: string) =>
  validationError(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`);
