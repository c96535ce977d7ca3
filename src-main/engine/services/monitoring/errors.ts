/** CloudWatch's errors, one factory per AWS code, in CloudWatch's wording (query protocol, HTTP 400/404). */
import { AwsError } from '../../protocol/errors';

export const invalidParameterValue = (message: string) => new AwsError('InvalidParameterValue', message, 400);
export const invalidParameterCombination = (message: string) => new AwsError('InvalidParameterCombination', message, 400);
export const missingParameter = (message: string) => new AwsError('MissingParameter', message, 400);
export const validationError = (message: string) => new AwsError('ValidationError', message, 400);
export const resourceNotFound = (message: string) => new AwsError('ResourceNotFound', message, 404);
export const resourceNotFoundException = (message: string) => new AwsError('ResourceNotFoundException', message, 404);
export const limitExceeded = (message: string) => new AwsError('LimitExceeded', message, 400);
export const invalidFormat = (message: string) => new AwsError('InvalidFormat', message, 400);
export const invalidNextToken = () => new AwsError('InvalidNextToken', 'The service cannot process the NextToken.', 400);
export const dashboardInvalidInput = (message: string) => new AwsError('InvalidParameterInput', message, 400);
export const dashboardNotFound = (message: string) => new AwsError('ResourceNotFound', message, 404);
