/** IAM's errors, one factory per AWS code, in IAM's own wording (query protocol, Type Sender). */
import { AwsError } from '../../protocol/errors';

export const noSuchEntity = (message: string) => new AwsError('NoSuchEntity', message, 404);
export const entityAlreadyExists = (message: string) => new AwsError('EntityAlreadyExists', message, 409);
export const deleteConflict = (message: string) => new AwsError('DeleteConflict', message, 409);
export const limitExceeded = (message: string) => new AwsError('LimitExceeded', message, 409);
export const malformedPolicyDocument = (message: string) => new AwsError('MalformedPolicyDocument', message, 400);
export const validationError = (message: string) => new AwsError('ValidationError', message, 400);
export const invalidInput = (message: string) => new AwsError('InvalidInput', message, 400);
export const passwordPolicyViolation = (message: string) => new AwsError('PasswordPolicyViolation', message, 400);
export const invalidAuthenticationCode = (message: string) => new AwsError('InvalidAuthenticationCode', message, 403);
export const unmodifiableEntity = (message: string) => new AwsError('UnmodifiableEntity', message, 400);
export const entityTemporarilyUnmodifiable = (message: string) => new AwsError('EntityTemporarilyUnmodifiable', message, 409);

export const noSuchUser = (name: string) => noSuchEntity(`The user with name ${name} cannot be found.`);
export const noSuchGroup = (name: string) => noSuchEntity(`The group with name ${name} cannot be found.`);
export const noSuchRole = (name: string) => noSuchEntity(`The role with name ${name} cannot be found.`);
export const noSuchInstanceProfile = (name: string) => noSuchEntity(`Instance Profile ${name} cannot be found.`);
export const noSuchPolicy = (arn: string) => noSuchEntity(`Policy ${arn} was not found.`);
export const notAttachable = (arn: string) => noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
export const noSuchLoginProfile = (user: string) => noSuchEntity(`Login Profile for User ${user} cannot be found.`);
export const noSuchAccessKey = (id: string) => noSuchEntity(`The Access Key with id ${id} cannot be found.`);

/** `1 validation error detected: Value 'x' at 'userName' failed to satisfy constraint: …` */
export const constraintViolation = (value: string, field: string, constraint: string) =>
  validationError(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`);
