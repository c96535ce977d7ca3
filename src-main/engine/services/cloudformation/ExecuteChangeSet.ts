import type { Ctx } from '../../core/provider';
import { changeSetNotFound, invalidChangeSetStatus } from './errors';
import { beginCreate, beginUpdate } from './lifecycle/operations';
import { processTemplate, type Prepared } from './lifecycle/prepare';
import { identity } from './lifecycle/runner';
import { findChangeSet, updateChangeSet } from './state/change-sets';
import { getStack, type Tag } from './state/stacks';
import type { ResolvedParameter } from './template/parameters';
import { checkUpdatable } from './UpdateStack';

interface ExecuteChangeSetInput {
  ChangeSetName: string;
  StackName?: string;
  DisableRollback?: boolean;
}

export const ExecuteChangeSet = (ctx: Ctx, input: ExecuteChangeSetInput) => {
  const cs = findChangeSet(ctx.store, ctx.accountId, ctx.region, input.ChangeSetName, input.StackName);
  if (!cs) throw changeSetNotFound(input.ChangeSetName);
  if (cs.execution_status !== 'AVAILABLE') {
    throw invalidChangeSetStatus(`ChangeSet [${cs.change_set_id}] cannot be executed in its current status of [${cs.status}]`);
  }
  const stack = getStack(ctx.store, cs.stack_id)!;
  const processed = processTemplate(cs.template_body);
  const p: Prepared = {
    ...processed,
    body: cs.template_body,
    params: JSON.parse(cs.parameters_json) as ResolvedParameter[],
    capabilities: JSON.parse(cs.capabilities_json) as string[],
  };
  const tags = JSON.parse(cs.tags_json) as Tag[];
  updateChangeSet(ctx.store, cs.change_set_id, { execution_status: 'EXECUTE_COMPLETE' });
  if (cs.type === 'CREATE') {
    beginCreate(
      ctx,
      identity(stack),
      p,
      {
        tags,
        notificationArns: JSON.parse(cs.notification_arns_json) as string[],
        disableRollback: input.DisableRollback === true,
        onFailure: input.DisableRollback ? 'DO_NOTHING' : 'ROLLBACK',
        terminationProtection: false,
        changeSetId: cs.change_set_id,
      },
      stack,
    );
    if (input.DisableRollback) ctx.store.stmt('UPDATE cfn_stacks SET disable_rollback = 1 WHERE stack_id = ?').run(stack.stack_id);
  } else {
    checkUpdatable(stack);
    beginUpdate(ctx, stack, p, tags, cs.change_set_id);
  }
  // Executing one change set makes the stack's other change sets obsolete, as AWS does.
  const keep = cs.change_set_id;
  for (const other of ctx.store.stmt('SELECT change_set_id FROM cfn_change_sets WHERE stack_id = ? AND change_set_id != ?').all(stack.stack_id, keep) as { change_set_id: string }[]) {
    updateChangeSet(ctx.store, other.change_set_id, { execution_status: 'OBSOLETE' });
  }
  return {};
};
