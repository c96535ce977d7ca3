import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { checkAttributes, defaultAttributes, nameHeldUntil } from './attributes';
import { invalidParameterValue, queueDeletedRecently, queueNameExists } from './errors';
import { checkTags } from './tags';
import { findQueue, queueUrl } from './state/queues';

const STANDARD_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const FIFO_NAME = /^[A-Za-z0-9_-]{1,75}\.fifo$/;

/**
 * Creates a queue, or answers the existing one's URL when every attribute given matches it (AWS's
 * idempotent create); a name freed less than 60 s ago cannot be taken again.
 */
export const CreateQueue = (ctx: Ctx, input: OperationInput<'sqs', 'CreateQueue'>): OperationOutput<'sqs', 'CreateQueue'> => {
  const name = input.QueueName;
  const given: Record<string, string> = { ...(input.Attributes ?? {}) };
  if (given.FifoQueue === 'false') delete given.FifoQueue;
  const fifo = given.FifoQueue === 'true';
  if (fifo ? !FIFO_NAME.test(name) : !STANDARD_NAME.test(name)) {
    throw invalidParameterValue(
      fifo
        ? 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.'
        : 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
    );
  }
  const attrs = checkAttributes(ctx, fifo, given, true);
  const tags = checkTags(input.tags ?? {});
  const existing = findQueue(ctx, name);
  if (existing) {
    const differing = Object.keys(attrs).filter((k) => (existing.attrs[k] ?? '') !== attrs[k]);
    if (differing.length > 0) throw queueNameExists(differing.join(', '));
    return { QueueUrl: queueUrl(ctx, existing) };
  }
  const now = ctx.clock.now();
  const heldUntil = nameHeldUntil(ctx, name);
  if (heldUntil !== undefined && heldUntil > now) throw queueDeletedRecently();
  const stored = { ...defaultAttributes(fifo), ...attrs };
  // SSE-KMS replaces the default SSE-SQS; its data keys are reused 5 minutes unless told otherwise.
  if (attrs.KmsMasterKeyId) {
    if (attrs.SqsManagedSseEnabled === undefined) stored.SqsManagedSseEnabled = 'false';
    stored.KmsDataKeyReusePeriodSeconds ??= '300';
  }
  ctx.store
    .stmt('INSERT INTO sqs_queues (account_id, region, name, fifo, attributes, tags, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, name, fifo ? 1 : 0, JSON.stringify(stored), JSON.stringify(tags), now, now);
  return { QueueUrl: queueUrl(ctx, { account_id: ctx.accountId, region: ctx.region, name }) };
};
