import type { Ctx } from '../../core/provider';
import { changeSetNotFound } from './errors';
import { describeParameters } from './lifecycle/prepare';
import { findChangeSet } from './state/change-sets';
import { getStack } from './state/stacks';
import type { ResolvedParameter } from './template/parameters';

interface DescribeChangeSetInput {
  ChangeSetName: string;
  StackName?: string;
}

export const DescribeChangeSet = (ctx: Ctx, input: DescribeChangeSetInput) => {
  const cs = findChangeSet(ctx.store, ctx.accountId, ctx.region, input.ChangeSetName, input.StackName);
  if (!cs) throw changeSetNotFound(input.ChangeSetName);
  const stack = getStack(ctx.store, cs.stack_id)!;
  const out: Record<string, unknown> = {
    ChangeSetName: cs.name,
    ChangeSetId: cs.change_set_id,
    StackId: cs.stack_id,
    StackName: stack.name,
    Parameters: describeParameters(JSON.parse(cs.parameters_json) as ResolvedParameter[]),
    CreationTime: new Date(cs.created_at),
    ExecutionStatus: cs.execution_status,
    Status: cs.status,
    NotificationARNs: JSON.parse(cs.notification_arns_json) as string[],
    RollbackConfiguration: {},
    Capabilities: JSON.parse(cs.capabilities_json) as string[],
    Tags: JSON.parse(cs.tags_json) as unknown[],
    Changes: JSON.parse(cs.changes_json) as unknown[],
    IncludeNestedStacks: false,
  };
  if (cs.description) out.Description = cs.description;
  if (cs.status_reason) out.StatusReason = cs.status_reason;
  return out;
};
