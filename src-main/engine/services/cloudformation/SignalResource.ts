import type { Ctx } from '../../core/provider';
import { resourceDoesNotExist, validationError } from './errors';
import { runnerFor } from './lifecycle/runner';
import { getResource } from './state/resources';
import { requireStack } from './state/stacks';

interface SignalResourceInput {
  StackName: string;
  LogicalResourceId: string;
  UniqueId: string;
  Status: string;
}

/** cfn-signal's API: counts toward a CreationPolicy while the resource is still in progress. */
export const SignalResource = (ctx: Ctx, input: SignalResourceInput) => {
  const stack = requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName);
  const r = getResource(ctx.store, stack.stack_id, input.LogicalResourceId);
  if (!r || r.status === '') throw resourceDoesNotExist(input.LogicalResourceId, stack.name);
  if (!r.status.endsWith('_IN_PROGRESS')) {
    throw validationError(`Resource ${input.LogicalResourceId} is in ${r.status} state and can not be signaled. Signals can only be sent to resources that are in progress.`);
  }
  if (input.Status !== 'SUCCESS' && input.Status !== 'FAILURE') {
    throw validationError(`1 validation error detected: Value '${input.Status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [SUCCESS, FAILURE]`);
  }
  runnerFor(ctx.store).addSignal(stack.stack_id, r.logical_id, { UniqueId: input.UniqueId, Status: input.Status });
  return {};
};
