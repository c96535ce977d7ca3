import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { requireTopic, topicAttributes } from './state/topics';

const SETTABLE = new Set(['DisplayName', 'Policy', 'DeliveryPolicy', 'KmsMasterKeyId', 'ContentBasedDeduplication', 'SignatureVersion', 'TracingConfig', 'ArchivePolicy', 'DataProtectionPolicy']);

export const SetTopicAttributes = (ctx: Ctx, input: OperationInput<'sns', 'SetTopicAttributes'>) => {
  const t = requireTopic(ctx.store, input.TopicArn);
  if (!SETTABLE.has(input.AttributeName)) throw invalidParameter('Invalid parameter: AttributeName');
  if (input.AttributeName === 'Policy' && input.AttributeValue) {
    try {
      JSON.parse(input.AttributeValue);
    } catch {
      throw invalidParameter('Invalid parameter: Policy Error: null');
    }
  }
  const attrs = topicAttributes(t);
  if (input.AttributeValue === undefined || input.AttributeValue === '') delete attrs[input.AttributeName];
  else attrs[input.AttributeName] = input.AttributeValue;
  ctx.store.stmt('UPDATE sns_topics SET attributes = ? WHERE arn = ?').run(JSON.stringify(attrs), t.arn);
  return {};
};
