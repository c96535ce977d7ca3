import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { readAttributes } from './attributes';
import { queueByUrl } from './state/queues';

/** Settings and counters as of now on the simulated clock; no names asked = no attributes. */
export const GetQueueAttributes = (ctx: Ctx, input: OperationInput<'sqs', 'GetQueueAttributes'>): OperationOutput<'sqs', 'GetQueueAttributes'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  const attrs = readAttributes(ctx, q, input.AttributeNames ?? []);
  return Object.keys(attrs).length ? { Attributes: attrs } : {};
};
