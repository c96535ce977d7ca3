import type { Ctx } from '../../core/provider';
import { listChangeSets } from './state/change-sets';
import { requireStack } from './state/stacks';

export const ListChangeSets = (ctx: Ctx, input: { StackName: string; NextToken?: string }) => {
  const stack = requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName);
  return {
    Summaries: listChangeSets(ctx.store, stack.stack_id).map((cs) => {
      const v: Record<string, unknown> = {
        StackId: stack.stack_id,
        StackName: stack.name,
        ChangeSetId: cs.change_set_id,
        ChangeSetName: cs.name,
        ExecutionStatus: cs.execution_status,
        Status: cs.status,
        CreationTime: new Date(cs.created_at),
        IncludeNestedStacks: false,
      };
      if (cs.status_reason) v.StatusReason = cs.status_reason;
      if (cs.description) v.Description = cs.description;
      return v;
    }),
  };
};
