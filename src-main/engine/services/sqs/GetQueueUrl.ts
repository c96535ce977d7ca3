import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { queueDoesNotExist } from './errors';
import { findQueue, queueUrl } from './state/queues';

export const GetQueueUrl = (ctx: Ctx, input: OperationInput<'sqs', 'GetQueueUrl'>): OperationOutput<'sqs', 'GetQueueUrl'> => {
  const owner = input.QueueOwnerAWSAccountId ?? ctx.accountId;
  const q = owner === ctx.accountId ? findQueue(ctx, input.QueueName) : undefined;
  if (!q) throw queueDoesNotExist();
  return { QueueUrl: queueUrl(ctx, q) };
};
