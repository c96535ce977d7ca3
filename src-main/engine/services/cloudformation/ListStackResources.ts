import type { Ctx } from '../../core/provider';
import { resourceSummary, visible } from './describe';
import { listResources } from './state/resources';
import { requireStack } from './state/stacks';

interface ListStackResourcesInput {
  StackName: string;
  NextToken?: string;
}

export const ListStackResources = (ctx: Ctx, input: ListStackResourcesInput) => {
  const stack = requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName);
  return { StackResourceSummaries: listResources(ctx.store, stack.stack_id).filter(visible).map(resourceSummary) };
};
