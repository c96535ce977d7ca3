import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { invalidValue } from './errors';
import { listQueues, queueByUrl, queueUrl, redriveOf } from './state/queues';

/** Queues whose RedrivePolicy targets this one, by name, paginated like ListQueues. */
export const ListDeadLetterSourceQueues = (ctx: Ctx, input: OperationInput<'sqs', 'ListDeadLetterSourceQueues'>): OperationOutput<'sqs', 'ListDeadLetterSourceQueues'> => {
  const dlq = queueByUrl(ctx, input.QueueUrl);
  const max = input.MaxResults;
  if (max !== undefined && (max < 1 || max > 1000)) throw invalidValue(max, 'MaxResults', 'MaxResults must be an integer between 1 and 1000.');
  let sources = listQueues(ctx, '').filter((q) => redriveOf(q)?.deadLetterTargetArn === dlq.arn);
  if (input.NextToken) {
    const after = Buffer.from(input.NextToken, 'base64').toString('utf8');
    sources = sources.filter((q) => q.name > after);
  }
  const limit = max ?? 1000;
  const page = sources.slice(0, limit);
  const out: OperationOutput<'sqs', 'ListDeadLetterSourceQueues'> = { queueUrls: page.map((q) => queueUrl(ctx, q)) };
  if (max !== undefined && sources.length > limit) out.NextToken = Buffer.from(page[page.length - 1]!.name).toString('base64');
  return out;
};
