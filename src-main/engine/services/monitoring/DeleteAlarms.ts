import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { resourceNotFound } from './errors';
import { findAlarm } from './state/alarms';

/** All or nothing: a name that does not exist fails the whole call, as CloudWatch does. */
export const DeleteAlarms = (ctx: Ctx, input: OperationInput<'monitoring', 'DeleteAlarms'>) => {
  const missing = input.AlarmNames.filter((n) => !findAlarm(ctx.store, ctx.accountId, ctx.region, n));
  if (missing.length) throw resourceNotFound(`${missing.length} alarm(s) not found: [${missing.join(', ')}]`);
  for (const name of input.AlarmNames) {
    ctx.store.stmt('DELETE FROM cw_alarms WHERE account_id = ? AND region = ? AND name = ?').run(ctx.accountId, ctx.region, name);
    ctx.store.stmt('DELETE FROM cw_alarm_history WHERE account_id = ? AND region = ? AND alarm_name = ?').run(ctx.accountId, ctx.region, name);
  }
  return {};
};
