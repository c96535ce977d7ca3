import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { checkBatch, failure } from './batch';
import { changeVisibility } from './receipts';
import { queueByUrl } from './state/queues';

export const ChangeMessageVisibilityBatch = (
  ctx: Ctx,
  input: OperationInput<'sqs', 'ChangeMessageVisibilityBatch'>,
): OperationOutput<'sqs', 'ChangeMessageVisibilityBatch'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  checkBatch(input.Entries, 'ChangeMessageVisibilityBatchRequestEntry');
  const out: OperationOutput<'sqs', 'ChangeMessageVisibilityBatch'> = { Successful: [], Failed: [] };
  for (const e of input.Entries) {
    try {
      changeVisibility(ctx, q, e.ReceiptHandle, e.VisibilityTimeout);
      out.Successful.push({ Id: e.Id });
    } catch (err) {
      out.Failed.push(failure(e.Id, err));
    }
  }
  return out;
};
