/** SNS's errors, one factory per AWS code, in SNS's wording. */
import { AwsError } from '../../protocol/errors';

export const invalidParameter = (message: string) => new AwsError('InvalidParameter', message, 400);
export const notFound = (message: string) => new AwsError('NotFound', message, 404);
export const authorizationError = (message: string) => new AwsError('AuthorizationError', message, 403);
export const topicLimitExceeded = () => new AwsError('TopicLimitExceeded', 'Topic already exists with different attributes', 403);
export const invalidParameterValue = (message: string) => new AwsError('ParameterValueInvalid', message, 400);

export const topicNotFound = () => notFound('Topic does not exist');
export const subscriptionNotFound = () => notFound('Subscription does not exist');
