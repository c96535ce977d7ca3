import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { changeVisibility } from './receipts';
import { queueByUrl } from './state/queues';

/** A new timeout for an in-flight message, counted from now (0 makes it visible at once). */
export const ChangeMessageVisibility = (ctx: Ctx, input: OperationInput<'sqs', 'ChangeMessageVisibility'>): OperationOutput<'sqs', 'ChangeMessageVisibility'> => {
  changeVisibility(ctx, queueByUrl(ctx, input.QueueUrl), input.ReceiptHandle, input.VisibilityTimeout);
  return {};
};
