/** Lambda's errors, one factory per AWS code, in Lambda's wording (rest-json: the code is the error type). */
import { AwsError } from '../../protocol/errors';

const withType = (code: string, message: string, status: number, type = 'User') => new AwsError(code, message, status, { extra: { Type: type } });

export const notFound = (message: string) => withType('ResourceNotFoundException', message, 404);
export const functionNotFound = (arn: string) => notFound(`Function not found: ${arn}`);
export const conflict = (message: string) => withType('ResourceConflictException', message, 409);
export const invalidParameter = (message: string) => withType('InvalidParameterValueException', message, 400);
export const tooLarge = (message: string) => withType('RequestTooLargeException', message, 413);
export const preconditionFailed = (message: string) => withType('PreconditionFailedException', message, 412);
export const accessDenied = (message: string) => new AwsError('AccessDeniedException', message, 403);
export const throttled = (reason: string) =>
  new AwsError('TooManyRequestsException', 'Rate Exceeded.', 429, { extra: { Type: 'User', Reason: reason }, headers: { 'retry-after': '1' } });
export const serviceException = (message: string) => withType('ServiceException', message, 500, 'Service');
export const validation = (value: string, field: string, constraint: string) =>
  new AwsError('ValidationException', `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`, 400);
