/** Start, stop, reboot and terminate, shared by the operations and by spot interruptions. */
import type { Ctx } from '../../../core/provider';
import { STATE_CODES, setInstanceState, userInitiated, type InstanceRow } from './instances';

export interface StateChangeOutput {
  CurrentState: { Code: number; Name: string };
  InstanceId: string;
  PreviousState: { Code: number; Name: string };
}

export const stateOf = (name: InstanceRow['state']) => ({ Code: STATE_CODES[name], Name: name });

export function changeOutput(before: InstanceRow, after: InstanceRow): StateChangeOutput {
  return { CurrentState: stateOf(after.state), InstanceId: before.instance_id, PreviousState: stateOf(before.state) };
}

export function stopInstance(ctx: Ctx, inst: InstanceRow): InstanceRow {
  if (inst.state === 'stopped' || inst.state === 'stopping') return inst;
  return setInstanceState(ctx, inst, 'stopping', {
    transitionReason: userInitiated(ctx.clock.now()),
    reason: { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' },
  });
}

export function terminateInstance(ctx: Ctx, inst: InstanceRow, reason?: { code: string; message: string }): InstanceRow {
  if (inst.state === 'terminated' || inst.state === 'shutting-down') return inst;
  // A stopped instance has nothing to shut down: it is terminated at once.
  const next = inst.state === 'stopped' ? 'terminated' : 'shutting-down';
  return setInstanceState(ctx, inst, next, {
    transitionReason: userInitiated(ctx.clock.now()),
    reason: reason ?? { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' },
  });
}
