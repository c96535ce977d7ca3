import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireTopic, topicAttributes } from './state/topics';

export const GetTopicAttributes = (ctx: Ctx, input: OperationInput<'sns', 'GetTopicAttributes'>) => {
  const t = requireTopic(ctx.store, input.TopicArn);
  const counts = ctx.store
    .stmt('SELECT SUM(confirmed) AS confirmed, SUM(1 - confirmed) AS pending FROM sns_subscriptions WHERE topic_arn = ?')
    .get(t.arn) as { confirmed: number | null; pending: number | null };
  const attrs = topicAttributes(t);
  return {
    Attributes: {
      TopicArn: t.arn,
      Owner: t.account_id,
      DisplayName: '',
      SubscriptionsConfirmed: String(counts.confirmed ?? 0),
      SubscriptionsPending: String(counts.pending ?? 0),
      SubscriptionsDeleted: '0',
      EffectiveDeliveryPolicy: JSON.stringify({
        http: { defaultHealthyRetryPolicy: { minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear' }, disableSubscriptionOverrides: false },
      }),
      ...attrs,
    },
  };
};
