import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './pages';

export const ListTopics = (ctx: Ctx, input: OperationInput<'sns', 'ListTopics'>) => {
  const arns = (ctx.store.stmt('SELECT arn FROM sns_topics WHERE account_id = ? AND region = ? ORDER BY arn').all(ctx.accountId, ctx.region) as { arn: string }[]).map((r) => ({ TopicArn: r.arn }));
  const p = page(arns, input.NextToken);
  return { Topics: p.items, NextToken: p.NextToken };
};
