import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { subscriptionNotFound } from './errors';
import { findSubscription, subAttributes } from './state/subscriptions';
import { checkSubscriptionAttribute } from './subscription-attributes';

export const SetSubscriptionAttributes = (ctx: Ctx, input: OperationInput<'sns', 'SetSubscriptionAttributes'>) => {
  const s = findSubscription(ctx.store, input.SubscriptionArn);
  if (!s) throw subscriptionNotFound();
  const value = input.AttributeValue ?? '';
  checkSubscriptionAttribute(input.AttributeName, value, s.protocol);
  const attrs = subAttributes(s);
  if (value === '') delete attrs[input.AttributeName];
  else attrs[input.AttributeName] = value;
  ctx.store.stmt('UPDATE sns_subscriptions SET attributes = ? WHERE arn = ?').run(JSON.stringify(attrs), s.arn);
  return {};
};
