import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { deleteByReceipt } from './receipts';
import { queueByUrl } from './state/queues';
import { admitFifo } from './fifo-throughput';

export const DeleteMessage = (ctx: Ctx, input: OperationInput<'sqs', 'DeleteMessage'>): OperationOutput<'sqs', 'DeleteMessage'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  admitFifo(ctx, q, 'delete');
  deleteByReceipt(ctx, q, input.ReceiptHandle);
  return {};
};
