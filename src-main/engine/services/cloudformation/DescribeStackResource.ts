import type { Ctx } from '../../core/provider';
import { resourceDetail, visible } from './describe';
import { resourceDoesNotExist } from './errors';
import { getResource } from './state/resources';
import { requireStack } from './state/stacks';

interface DescribeStackResourceInput {
  StackName: string;
  LogicalResourceId: string;
}

export const DescribeStackResource = (ctx: Ctx, input: DescribeStackResourceInput) => {
  const stack = requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName);
  const r = getResource(ctx.store, stack.stack_id, input.LogicalResourceId);
  if (!r || !visible(r)) throw resourceDoesNotExist(input.LogicalResourceId, stack.name);
  return { StackResourceDetail: resourceDetail(stack, r) };
};
