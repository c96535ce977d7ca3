import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './pages';
import { requireTopic } from './state/topics';
import { subscriptionsOf, subscriptionView } from './state/subscriptions';

export const ListSubscriptionsByTopic = (ctx: Ctx, input: OperationInput<'sns', 'ListSubscriptionsByTopic'>) => {
  requireTopic(ctx.store, input.TopicArn);
  const p = page(subscriptionsOf(ctx.store, input.TopicArn).map(subscriptionView), input.NextToken);
  return { Subscriptions: p.items, NextToken: p.NextToken };
};
