import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { checkBatch, failure } from './batch';
import { deleteByReceipt } from './receipts';
import { queueByUrl } from './state/queues';
import { admitFifo } from './fifo-throughput';

export const DeleteMessageBatch = (ctx: Ctx, input: OperationInput<'sqs', 'DeleteMessageBatch'>): OperationOutput<'sqs', 'DeleteMessageBatch'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  admitFifo(ctx, q, 'delete');
  checkBatch(input.Entries, 'DeleteMessageBatchRequestEntry');
  const out: OperationOutput<'sqs', 'DeleteMessageBatch'> = { Successful: [], Failed: [] };
  for (const e of input.Entries) {
    try {
      deleteByReceipt(ctx, q, e.ReceiptHandle);
      out.Successful.push({ Id: e.Id });
    } catch (err) {
      out.Failed.push(failure(e.Id, err));
    }
  }
  return out;
};
