import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { queueByUrl, queueTags, saveTags } from './state/queues';

export const UntagQueue = (ctx: Ctx, input: OperationInput<'sqs', 'UntagQueue'>): OperationOutput<'sqs', 'UntagQueue'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  const tags = queueTags(q);
  for (const k of input.TagKeys ?? []) delete tags[k];
  saveTags(ctx, q, tags);
  return {};
};
