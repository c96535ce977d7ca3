import type { Ctx } from '../../core/provider';
import { changeSetNotFound, invalidChangeSetStatus } from './errors';
import { deleteChangeSet, findChangeSet } from './state/change-sets';

export const DeleteChangeSet = (ctx: Ctx, input: { ChangeSetName: string; StackName?: string }) => {
  const cs = findChangeSet(ctx.store, ctx.accountId, ctx.region, input.ChangeSetName, input.StackName);
  if (!cs) throw changeSetNotFound(input.ChangeSetName);
  if (cs.execution_status === 'EXECUTE_IN_PROGRESS') {
    throw invalidChangeSetStatus(`Cannot delete ChangeSet in status ${cs.execution_status}`);
  }
  deleteChangeSet(ctx.store, cs.change_set_id);
  return {};
};
