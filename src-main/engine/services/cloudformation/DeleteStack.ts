import type { Ctx } from '../../core/provider';
import { terminationProtected, validationError } from './errors';
import { beginDelete, stackEvent } from './lifecycle/operations';
import { findStack, importingStacks, stackOutputs, updateStack } from './state/stacks';

interface DeleteStackInput {
  StackName: string;
  RetainResources?: string[];
}

/** Deleting a stack that does not exist succeeds, as it does in AWS. */
export const DeleteStack = (ctx: Ctx, input: DeleteStackInput) => {
  const stack = findStack(ctx.store, ctx.accountId, ctx.region, input.StackName);
  if (!stack || stack.deleted_at !== null || stack.status === 'DELETE_IN_PROGRESS') return {};
  if (stack.termination_protection) throw terminationProtected(stack.name);
  for (const o of stackOutputs(stack)) {
    if (!o.ExportName) continue;
    const users = importingStacks(ctx.store, ctx.accountId, ctx.region, o.ExportName).filter((n) => n !== stack.name);
    if (users.length) throw validationError(`Export ${o.ExportName} cannot be deleted as it is in use by ${users.join(', ')}`);
  }
  if (stack.status === 'REVIEW_IN_PROGRESS') {
    const now = ctx.clock.now();
    stackEvent(ctx, stack, now, 'DELETE_COMPLETE');
    updateStack(ctx.store, stack.stack_id, { status: 'DELETE_COMPLETE', status_reason: null, deleted_at: now });
    return {};
  }
  beginDelete(ctx, stack);
  return {};
};
