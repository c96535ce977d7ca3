/**
 * The receiving end of wait-condition handle URLs. The lab server (for a PUT that reaches the
 * endpoint) and the guests' curl / cfn-signal route such requests here.
 */
import type { Store } from '../../store/store';
import { runnerFor } from './lifecycle/runner';
import { parseWaitHandleUrl } from './providers/cloudformation';
import { getResource } from './state/resources';
import { getStack } from './state/stacks';

export { parseWaitHandleUrl } from './providers/cloudformation';

export interface WaitSignalResult {
  status: number;
  body: string;
}

/** Applies a signal document PUT to a handle URL: `{"Status","UniqueId","Data","Reason"}`. */
export function signalWaitConditionHandle(store: Store, url: string, body: string): WaitSignalResult {
  const where = parseWaitHandleUrl(url);
  if (!where) return { status: 404, body: 'Not a wait condition handle URL' };
  const stack = getStack(store, where.stackId);
  const handle = stack && getResource(store, stack.stack_id, where.logicalId);
  if (!stack || stack.deleted_at !== null || !handle || handle.type !== 'AWS::CloudFormation::WaitConditionHandle') {
    return { status: 403, body: 'AccessDenied: the wait condition handle is not valid' };
  }
  let doc: { Status?: string; UniqueId?: string; Data?: string; Reason?: string };
  try {
    doc = JSON.parse(body) as typeof doc;
  } catch {
    return { status: 400, body: 'The signal is not a JSON document' };
  }
  if (doc.Status !== 'SUCCESS' && doc.Status !== 'FAILURE') return { status: 400, body: 'Status must be SUCCESS or FAILURE' };
  store.tx(() =>
    runnerFor(store).addSignal(stack.stack_id, handle.logical_id, {
      UniqueId: String(doc.UniqueId ?? ''),
      Status: doc.Status!,
      Data: doc.Data,
      Reason: doc.Reason,
    }),
  );
  return { status: 200, body: '' };
}
