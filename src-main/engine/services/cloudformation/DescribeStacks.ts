import type { Ctx } from '../../core/provider';
import { stackView } from './describe';
import { requireStack, listStacks } from './state/stacks';

interface DescribeStacksInput {
  StackName?: string;
  NextToken?: string;
}

/** Without a name: the region's live stacks, newest first. A deleted stack answers only to its id. */
export const DescribeStacks = (ctx: Ctx, input: DescribeStacksInput) => {
  if (input.StackName !== undefined) {
    return { Stacks: [stackView(requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName))] };
  }
  return { Stacks: listStacks(ctx.store, ctx.accountId, ctx.region).filter((s) => s.deleted_at === null).map(stackView) };
};
