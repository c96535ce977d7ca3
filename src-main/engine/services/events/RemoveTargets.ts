import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireRule } from './rule-lookup';

export const RemoveTargets = (ctx: Ctx, input: OperationInput<'events', 'RemoveTargets'>) => {
  const r = requireRule(ctx, input.Rule, input.EventBusName);
  for (const id of input.Ids) ctx.store.stmt('DELETE FROM ev_targets WHERE account_id = ? AND region = ? AND bus = ? AND rule = ? AND id = ?').run(r.account_id, r.region, r.bus, r.name, id);
  return { FailedEntryCount: 0, FailedEntries: [] };
};
