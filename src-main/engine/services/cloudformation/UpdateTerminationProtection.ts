import type { Ctx } from '../../core/provider';
import { requireStack, updateStack } from './state/stacks';

interface UpdateTerminationProtectionInput {
  StackName: string;
  EnableTerminationProtection: boolean;
}

export const UpdateTerminationProtection = (ctx: Ctx, input: UpdateTerminationProtectionInput) => {
  const stack = requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName);
  updateStack(ctx.store, stack.stack_id, { termination_protection: input.EnableTerminationProtection ? 1 : 0 });
  return { StackId: stack.stack_id };
};
