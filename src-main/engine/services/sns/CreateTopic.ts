import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { defaultPolicy, findTopic, topicArn, topicAttributes } from './state/topics';

const NAME = /^[A-Za-z0-9_-]{1,256}$/;
const SETTABLE = new Set(['DisplayName', 'Policy', 'DeliveryPolicy', 'KmsMasterKeyId', 'FifoTopic', 'ContentBasedDeduplication', 'SignatureVersion', 'TracingConfig', 'ArchivePolicy', 'DataProtectionPolicy']);

/** Idempotent: the same name with the same attributes answers the existing topic's ARN. */
export const CreateTopic = (ctx: Ctx, input: OperationInput<'sns', 'CreateTopic'>) => {
  const attrs = { ...(input.Attributes ?? {}) };
  const fifo = attrs.FifoTopic === 'true';
  const base = fifo ? input.Name.replace(/\.fifo$/, '') : input.Name;
  if (!NAME.test(base) || (fifo && !input.Name.endsWith('.fifo')) || (!fifo && input.Name.endsWith('.fifo')))
    throw invalidParameter('Invalid parameter: Topic Name');
  for (const k of Object.keys(attrs)) if (!SETTABLE.has(k)) throw invalidParameter(`Invalid parameter: Attributes Reason: Unknown attribute ${k}`);
  const arn = topicArn(ctx.region, ctx.accountId, input.Name);
  const existing = findTopic(ctx.store, arn);
  if (existing) {
    const have = topicAttributes(existing);
    for (const [k, v] of Object.entries(attrs)) if (k !== 'Policy' && have[k] !== v) throw invalidParameter('Invalid parameter: Attributes Reason: Topic already exists with different attributes');
    return { TopicArn: arn };
  }
  attrs.Policy ??= defaultPolicy(arn, ctx.accountId);
  ctx.store
    .stmt('INSERT INTO sns_topics (arn, account_id, region, name, attributes, tags, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(arn, ctx.accountId, ctx.region, input.Name, JSON.stringify(attrs), JSON.stringify(input.Tags ?? []), ctx.clock.now());
  return { TopicArn: arn };
};
