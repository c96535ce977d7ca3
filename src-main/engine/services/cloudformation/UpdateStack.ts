import { streaming, type Ctx } from '../../core/provider';
import { invalidState, noUpdates } from './errors';
import { beginUpdate, sameAsCurrent } from './lifecycle/operations';
import { prepare, type PrepareInput } from './lifecycle/prepare';
import { identity } from './lifecycle/runner';
import { checkTags } from './settings';
import { requireStack, stackTags, type StackRow } from './state/stacks';

interface UpdateStackInput extends PrepareInput {
  StackName: string;
  Tags?: { Key?: string; Value?: string }[];
  DisableRollback?: boolean;
}

export const UPDATABLE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE']);

export function checkUpdatable(stack: StackRow): void {
  if (!UPDATABLE.has(stack.status)) throw invalidState(stack.stack_id, stack.status, 'updated');
}

export const UpdateStack = streaming(async (ctx: Ctx, input: UpdateStackInput) => {
  const stack = requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName);
  checkUpdatable(stack);
  const tags = input.Tags !== undefined ? checkTags(input.Tags) : stackTags(stack);
  const p = await prepare(ctx, input, identity(stack), { stack });
  return ctx.commit(() => {
    const fresh = requireStack(ctx.store, ctx.accountId, ctx.region, stack.stack_id);
    checkUpdatable(fresh);
    if (sameAsCurrent(fresh, p, tags)) throw noUpdates();
    beginUpdate(ctx, fresh, p, tags);
    return { StackId: stack.stack_id };
  });
});
