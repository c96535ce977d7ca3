import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidFormat, resourceNotFound } from './errors';
import { findAlarm, setState, type AlarmState } from './state/alarms';
import { startActions } from './engine-loop';

/** Sets the state by hand (testing actions, §14.1); the next evaluation at a period boundary may change it back. */
export const SetAlarmState = (ctx: Ctx, input: OperationInput<'monitoring', 'SetAlarmState'>) => {
  const alarm = findAlarm(ctx.store, ctx.accountId, ctx.region, input.AlarmName);
  if (!alarm) throw resourceNotFound(`Alarm ${input.AlarmName} not found`);
  let data: unknown;
  if (input.StateReasonData !== undefined) {
    try {
      data = JSON.parse(input.StateReasonData);
    } catch {
      throw invalidFormat('Invalid JSON: StateReasonData must be valid JSON.');
    }
  }
  const old = alarm.row.state;
  if (setState(ctx.store, alarm, input.StateValue as AlarmState, input.StateReason, data, ctx.clock.now())) startActions({ store: ctx.store }, alarm, old);
  return {};
};
