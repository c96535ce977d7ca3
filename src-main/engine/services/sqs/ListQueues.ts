import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { invalidValue } from './errors';
import { listQueues, queueUrl } from './state/queues';

/**
 * Queues by name prefix. Without MaxResults AWS answers at most 1000 URLs and no token; with it, pages
 * of up to MaxResults and a NextToken (here: the last name answered, base64).
 */
export const ListQueues = (ctx: Ctx, input: OperationInput<'sqs', 'ListQueues'>): OperationOutput<'sqs', 'ListQueues'> => {
  const max = input.MaxResults;
  if (max !== undefined && (max < 1 || max > 1000)) throw invalidValue(max, 'MaxResults', 'MaxResults must be an integer between 1 and 1000.');
  if (input.NextToken !== undefined && max === undefined) throw invalidValue(input.NextToken, 'NextToken', 'MaxResults is required when NextToken is set.');
  let queues = listQueues(ctx, input.QueueNamePrefix ?? '');
  if (input.NextToken) {
    const after = Buffer.from(input.NextToken, 'base64').toString('utf8');
    queues = queues.filter((q) => q.name > after);
  }
  const limit = max ?? 1000;
  const page = queues.slice(0, limit);
  const out: OperationOutput<'sqs', 'ListQueues'> = {};
  if (page.length > 0) out.QueueUrls = page.map((q) => queueUrl(ctx, q));
  if (max !== undefined && queues.length > limit) out.NextToken = Buffer.from(page[page.length - 1]!.name).toString('base64');
  return out;
};
