/** EventBridge's errors (json protocol), one factory per AWS code. */
import { AwsError } from '../../protocol/errors';

export const validationException = (message: string) => new AwsError('ValidationException', message, 400);
export const resourceNotFound = (message: string) => new AwsError('ResourceNotFoundException', message, 400);
export const invalidEventPattern = (message: string) => new AwsError('InvalidEventPatternException', message, 400);
export const limitExceeded = (message: string) => new AwsError('LimitExceededException', message, 400);

export const ruleNotFound = (name: string, bus: string) => resourceNotFound(`Rule ${name} does not exist on EventBus ${bus}.`);
