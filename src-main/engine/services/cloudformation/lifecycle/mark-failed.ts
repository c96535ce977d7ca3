/** Recording a resource's failure: shared by the apply phase and rollback (kept apart so neither imports the other). */
import { getResource, updateResource, type ResourceRow } from '../state/resources';
import type { StackRow } from '../state/stacks';
import type { Runner } from './runner';

export function markFailed(rn: Runner, stack: StackRow, r: ResourceRow, at: number, status: string, reason: string): void {
  const fresh = getResource(rn.store, stack.stack_id, r.logical_id)!;
  updateResource(rn.store, stack.stack_id, r.logical_id, { phase: 'failed', status, status_reason: reason, updated_at: at, done_at: at });
  rn.event(stack, at, fresh, status, reason);
}
