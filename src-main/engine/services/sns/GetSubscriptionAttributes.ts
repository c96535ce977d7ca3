import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { subscriptionNotFound } from './errors';
import { findSubscription, subAttributes } from './state/subscriptions';

export const GetSubscriptionAttributes = (ctx: Ctx, input: OperationInput<'sns', 'GetSubscriptionAttributes'>) => {
  const s = findSubscription(ctx.store, input.SubscriptionArn);
  if (!s) throw subscriptionNotFound();
  return {
    Attributes: {
      SubscriptionArn: s.arn,
      TopicArn: s.topic_arn,
      Owner: s.owner,
      Protocol: s.protocol,
      Endpoint: s.endpoint,
      ConfirmationWasAuthenticated: String(s.confirmed === 1),
      PendingConfirmation: String(s.confirmed === 0),
      RawMessageDelivery: 'false',
      SubscriptionPrincipal: `arn:aws:iam::${s.account_id}:root`,
      ...subAttributes(s),
    },
  };
};
