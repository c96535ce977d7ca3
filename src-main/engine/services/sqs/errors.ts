/**
 * SQS's errors, one factory per AWS code. The JSON protocol names the modern code (`__type`), and
 * `x-amzn-query-error` carries the old query code (AWS.SimpleQueueService.NonExistentQueue…), which
 * the query form answers with and SDKs/CLIs report (the model's awsQueryCompatible trait).
 */
import { AwsError } from '../../protocol/errors';

const sqsError = (code: string, queryCode: string, message: string, status = 400) =>
  new AwsError(code, message, status, { headers: { 'x-amzn-query-error': `${queryCode};Sender` } });

export const queueDoesNotExist = () =>
  sqsError('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.');
export const queueDeletedRecently = () =>
  sqsError(
    'QueueDeletedRecently',
    'AWS.SimpleQueueService.QueueDeletedRecently',
    'You must wait 60 seconds after deleting a queue before you can create another with the same name.',
  );
export const queueNameExists = (name: string) =>
  sqsError('QueueNameExists', 'QueueAlreadyExists', `A queue already exists with the same name and a different value for attribute(s) ${name}`);
export const purgeQueueInProgress = (name: string) =>
  sqsError('PurgeQueueInProgress', 'AWS.SimpleQueueService.PurgeQueueInProgress', `Only one PurgeQueue operation on ${name} is allowed every 60 seconds.`, 403);
export const invalidParameterValue = (message: string) => sqsError('InvalidParameterValue', 'InvalidParameterValue', message);
export const invalidValue = (value: unknown, parameter: string, reason: string) =>
  invalidParameterValue(`Value ${String(value)} for parameter ${parameter} is invalid. Reason: ${reason}`);
export const invalidAttributeName = (name: string) =>
  sqsError('InvalidAttributeName', 'InvalidAttributeName', `Unknown Attribute ${name}.`);
export const invalidAttributeValue = (message: string) => sqsError('InvalidAttributeValue', 'InvalidAttributeValue', message);
export const missingParameter = (name: string) =>
  sqsError('MissingParameter', 'MissingParameter', `The request must contain the parameter ${name}.`);
export const invalidMessageContents = (message: string) => sqsError('InvalidMessageContents', 'InvalidMessageContents', message);
export const receiptHandleIsInvalid = (message: string) => sqsError('ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid', message);
export const messageNotInflight = () =>
  sqsError('MessageNotInflight', 'AWS.SimpleQueueService.MessageNotInflight', 'The message referred to is not in flight.');
export const emptyBatchRequest = (entry: string) =>
  sqsError('EmptyBatchRequest', 'AWS.SimpleQueueService.EmptyBatchRequest', `There should be at least one ${entry} in the request.`);
export const tooManyEntriesInBatchRequest = (n: number) =>
  sqsError('TooManyEntriesInBatchRequest', 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', `Maximum number of entries per request are 10. You have sent ${n}.`);
export const batchEntryIdsNotDistinct = (id: string) =>
  sqsError('BatchEntryIdsNotDistinct', 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
export const invalidBatchEntryId = () =>
  sqsError(
    'InvalidBatchEntryId',
    'AWS.SimpleQueueService.InvalidBatchEntryId',
    'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
  );
export const batchRequestTooLong = (size: number, max: number) =>
  sqsError('BatchRequestTooLong', 'AWS.SimpleQueueService.BatchRequestTooLong', `Batch requests cannot be longer than ${max} bytes. You have sent ${size} bytes.`);
export const unsupportedOperation = (message: string) =>
  sqsError('UnsupportedOperation', 'AWS.SimpleQueueService.UnsupportedOperation', message);
export const resourceNotFound = (message: string) => sqsError('ResourceNotFoundException', 'ResourceNotFoundException', message, 404);
export const overLimit = (message: string) => sqsError('OverLimit', 'OverLimit', message, 403);
export const requestThrottled = () =>
  sqsError('RequestThrottled', 'RequestThrottled', 'Rate exceeded.');
