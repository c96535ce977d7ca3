import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter, subscriptionNotFound } from './errors';
import { findSubscription } from './state/subscriptions';

export const Unsubscribe = (ctx: Ctx, input: OperationInput<'sns', 'Unsubscribe'>) => {
  if (!/^arn:aws:sns:[a-z0-9-]+:\d{12}:[\w.-]+:[0-9a-f-]{36}$/.test(input.SubscriptionArn)) throw invalidParameter('Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1');
  if (!findSubscription(ctx.store, input.SubscriptionArn)) throw subscriptionNotFound();
  ctx.store.stmt('DELETE FROM sns_subscriptions WHERE arn = ?').run(input.SubscriptionArn);
  return {};
};
