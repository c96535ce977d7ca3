/** CloudWatch Logs' errors (json protocol), one factory per AWS code. */
import { AwsError } from '../../protocol/errors';

export const resourceNotFound = (message: string) => new AwsError('ResourceNotFoundException', message, 400);
export const resourceAlreadyExists = (message: string) => new AwsError('ResourceAlreadyExistsException', message, 400);
export const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message, 400);
export const limitExceeded = (message: string) => new AwsError('LimitExceededException', message, 400);

export const groupNotFound = () => resourceNotFound('The specified log group does not exist.');
export const streamNotFound = () => resourceNotFound('The specified log stream does not exist.');
