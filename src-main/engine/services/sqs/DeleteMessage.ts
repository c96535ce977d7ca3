import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { deleteByReceipt } from './receipts';
import { queueByUrl } from './state/queues';

export const DeleteMessage = (ctx: Ctx, input: OperationInput<'sqs', 'DeleteMessage'>): OperationOutput<'sqs', 'DeleteMessage'> => {
  deleteByReceipt(ctx, queueByUrl(ctx, input.QueueUrl), input.ReceiptHandle);
  return {};
};
