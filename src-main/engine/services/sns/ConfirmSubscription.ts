import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { requireTopic } from './state/topics';
import type { SubscriptionRow } from './state/subscriptions';

export const ConfirmSubscription = (ctx: Ctx, input: OperationInput<'sns', 'ConfirmSubscription'>) => {
  requireTopic(ctx.store, input.TopicArn);
  const sub = ctx.store.stmt('SELECT * FROM sns_subscriptions WHERE topic_arn = ? AND token = ?').get(input.TopicArn, input.Token) as SubscriptionRow | undefined;
  if (!sub) throw invalidParameter('Invalid token');
  if (!sub.confirmed) ctx.store.stmt('UPDATE sns_subscriptions SET confirmed = 1 WHERE arn = ?').run(sub.arn);
  return { SubscriptionArn: sub.arn };
};
