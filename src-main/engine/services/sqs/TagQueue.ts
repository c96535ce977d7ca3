import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { checkTags } from './tags';
import { queueByUrl, queueTags, saveTags } from './state/queues';

export const TagQueue = (ctx: Ctx, input: OperationInput<'sqs', 'TagQueue'>): OperationOutput<'sqs', 'TagQueue'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  saveTags(ctx, q, checkTags(input.Tags ?? {}, queueTags(q)));
  return {};
};
