/** DynamoDB's errors, one factory per AWS code, in DynamoDB's wording (dynalite checked them against the service). */
import { AwsError } from '../../protocol/errors';

export const validation = (message: string) => new AwsError('ValidationException', message, 400);
export const invalidParams = (detail: string) => validation(`One or more parameter values were invalid: ${detail}`);
export const resourceNotFound = (message = 'Requested resource not found') =>
  new AwsError('ResourceNotFoundException', message, 400);
export const tableNotFound = (name: string) =>
  resourceNotFound(`Requested resource not found: Table: ${name} not found`);
export const resourceInUse = (message: string) => new AwsError('ResourceInUseException', message, 400);
export const conditionalCheckFailed = (item?: Record<string, unknown>) =>
  new AwsError(
    'ConditionalCheckFailedException',
    'The conditional request failed',
    400,
    item ? { extra: { Item: item as never } } : {},
  );
export const throughputExceeded = () =>
  new AwsError(
    'ProvisionedThroughputExceededException',
    'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
    400,
  );
export const limitExceeded = (message: string) => new AwsError('LimitExceededException', message, 400);
export const transactionCanceled = (reasons: { Code: string; Message?: string }[]) =>
  new AwsError(
    'TransactionCanceledException',
    `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
    400,
    { extra: { CancellationReasons: reasons as never } },
  );
export const idempotentParameterMismatch = () =>
  new AwsError('IdempotentParameterMismatchException', 'Request token already used with different parameters', 400);

export const constraint = (value: string, field: string, text: string) =>
  validation(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${text}`);
