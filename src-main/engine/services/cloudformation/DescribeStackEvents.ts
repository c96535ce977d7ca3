import type { Ctx } from '../../core/provider';
import { eventView } from './describe';
import { listEvents } from './state/events';
import { requireStack } from './state/stacks';

interface DescribeStackEventsInput {
  StackName?: string;
  NextToken?: string;
}

const PAGE = 100;

/** Newest first, 100 per page. */
export const DescribeStackEvents = (ctx: Ctx, input: DescribeStackEventsInput) => {
  const stack = requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName ?? '');
  const all = listEvents(ctx.store, stack.stack_id);
  const start = input.NextToken ? Number(Buffer.from(input.NextToken, 'base64').toString('utf8')) || 0 : 0;
  const page = all.slice(start, start + PAGE).map((e) => eventView(stack, e));
  const out: Record<string, unknown> = { StackEvents: page };
  if (start + PAGE < all.length) out.NextToken = Buffer.from(String(start + PAGE)).toString('base64');
  return out;
};
