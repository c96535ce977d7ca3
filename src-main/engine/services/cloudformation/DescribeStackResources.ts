import type { Ctx } from '../../core/provider';
import { resourceView, visible } from './describe';
import { validationError } from './errors';
import { findByPhysicalId, listResources } from './state/resources';
import { getStack, requireStack } from './state/stacks';

interface DescribeStackResourcesInput {
  StackName?: string;
  LogicalResourceId?: string;
  PhysicalResourceId?: string;
}

export const DescribeStackResources = (ctx: Ctx, input: DescribeStackResourcesInput) => {
  if (input.StackName === undefined && input.PhysicalResourceId === undefined) {
    throw validationError('Either StackName or PhysicalResourceId must be specified.');
  }
  let stack;
  if (input.StackName !== undefined) stack = requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName);
  else {
    const owner = findByPhysicalId(ctx.store, ctx.accountId, input.PhysicalResourceId!);
    if (!owner) throw validationError(`Stack for ${input.PhysicalResourceId} does not exist`);
    stack = getStack(ctx.store, owner.stack_id)!;
  }
  const rows = listResources(ctx.store, stack.stack_id)
    .filter(visible)
    .filter((r) => input.LogicalResourceId === undefined || r.logical_id === input.LogicalResourceId)
    .filter((r) => input.StackName === undefined || input.PhysicalResourceId === undefined || r.physical_id === input.PhysicalResourceId);
  return { StackResources: rows.map((r) => resourceView(stack, r)) };
};
