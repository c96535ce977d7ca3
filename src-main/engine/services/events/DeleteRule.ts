import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationException } from './errors';
import { busName, findRule, targetsOf } from './state/rules';

/** A rule with targets cannot be deleted; a rule that does not exist is no error (as in EventBridge). */
export const DeleteRule = (ctx: Ctx, input: OperationInput<'events', 'DeleteRule'>) => {
  const r = findRule(ctx.store, ctx.accountId, ctx.region, busName(input.EventBusName), input.Name);
  if (!r) return {};
  if (targetsOf(ctx.store, r).length > 0) throw validationException("Rule can't be deleted since it has targets.");
  ctx.store.stmt('DELETE FROM ev_rules WHERE account_id = ? AND region = ? AND bus = ? AND name = ?').run(r.account_id, r.region, r.bus, r.name);
  return {};
};
