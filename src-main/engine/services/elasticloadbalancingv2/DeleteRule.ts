import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { operationNotPermitted } from './errors';
import { getRule } from './state/listeners';
import { dropTags } from './state/tags';

export const DeleteRule = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DeleteRule'>) => {
  if (/\/[0-9a-f]{16}$/.test(input.RuleArn) && !ctx.store.stmt('SELECT 1 FROM elbv2_rules WHERE arn = ?').get(input.RuleArn)) {
    const isDefault = ctx.store.stmt('SELECT 1 FROM elbv2_listeners WHERE ? LIKE replace(arn, \':listener/\', \':listener-rule/\') || \'/%\'').get(input.RuleArn);
    if (isDefault) throw operationNotPermitted('Default rule cannot be deleted');
  }
  const r = getRule(ctx, input.RuleArn);
  dropTags(ctx, r.arn);
  ctx.store.stmt('DELETE FROM elbv2_rules WHERE arn = ?').run(r.arn);
  return {};
};
