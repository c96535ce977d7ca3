import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { priorityInUse, validationError } from './errors';
import { checkActions, checkConditions, getListener, getRule, rulesOf, ruleOutput, type Action, type Condition } from './state/listeners';
import { ruleArn } from './state/names';
import { putTags } from './state/tags';

export const CreateRule = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'CreateRule'>) => {
  const l = getListener(ctx, input.ListenerArn);
  const priority = input.Priority;
  if (!Number.isInteger(priority) || priority < 1 || priority > 50000) throw validationError(`1 validation error detected: Value '${priority}' at 'priority' failed to satisfy constraint: Member must have value between 1 and 50000`);
  if (rulesOf(ctx, l.arn).some((r) => r.priority === priority)) throw priorityInUse(priority);
  const conditions = checkConditions(input.Conditions as Condition[]);
  const actions = checkActions(ctx, l.lb_arn, input.Actions as Action[]);
  const arn = ruleArn(l.arn);
  ctx.store
    .stmt('INSERT INTO elbv2_rules (account_id, region, arn, listener_arn, priority, conditions, actions) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, arn, l.arn, priority, JSON.stringify(conditions), JSON.stringify(actions));
  putTags(ctx, arn, input.Tags);
  return { Rules: [ruleOutput(getRule(ctx, arn))] };
};
