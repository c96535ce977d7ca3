import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { queueByUrl, queueTags } from './state/queues';

export const ListQueueTags = (ctx: Ctx, input: OperationInput<'sqs', 'ListQueueTags'>): OperationOutput<'sqs', 'ListQueueTags'> => {
  const tags = queueTags(queueByUrl(ctx, input.QueueUrl));
  return Object.keys(tags).length ? { Tags: tags } : {};
};
