import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { addHistory, findAlarm } from './state/alarms';

/** EnableAlarmActions / DisableAlarmActions: names that do not exist are skipped, as in CloudWatch. */
export function toggleActions(ctx: Ctx, names: string[], enabled: boolean): Record<string, never> {
  for (const name of names) {
    const a = findAlarm(ctx.store, ctx.accountId, ctx.region, name);
    if (!a || a.row.actions_enabled === (enabled ? 1 : 0)) continue;
    ctx.store.stmt('UPDATE cw_alarms SET actions_enabled = ? WHERE account_id = ? AND region = ? AND name = ?').run(enabled ? 1 : 0, ctx.accountId, ctx.region, name);
    addHistory(ctx.store, a.row, ctx.clock.now(), 'ConfigurationUpdate', `Alarm "${name}" updated`, { version: '1.0', type: 'Update', actionsEnabled: enabled });
  }
  return {};
}

export type ToggleInput = OperationInput<'monitoring', 'EnableAlarmActions'>;
