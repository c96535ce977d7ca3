import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './pages';
import { subscriptionView, type SubscriptionRow } from './state/subscriptions';

export const ListSubscriptions = (ctx: Ctx, input: OperationInput<'sns', 'ListSubscriptions'>) => {
  const rows = ctx.store.stmt('SELECT * FROM sns_subscriptions WHERE account_id = ? AND region = ? ORDER BY created_at, arn').all(ctx.accountId, ctx.region) as SubscriptionRow[];
  const p = page(rows.map(subscriptionView), input.NextToken);
  return { Subscriptions: p.items, NextToken: p.NextToken };
};
