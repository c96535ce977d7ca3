import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { ruleNotFound, validationError } from './errors';
import { defaultRuleOutput, getListener, listListeners, rulesOf, ruleOutput } from './state/listeners';
import { page } from './state/paging';

export const DescribeRules = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DescribeRules'>) => {
  if (!input.ListenerArn && !input.RuleArns?.length) throw validationError('You must specify either listener ARN or rule ARNs');
  const listeners = input.ListenerArn ? [getListener(ctx, input.ListenerArn)] : listListeners(ctx);
  let all = listeners.flatMap((l) => [...rulesOf(ctx, l.arn).map(ruleOutput), defaultRuleOutput(l)]);
  if (input.RuleArns?.length) {
    const missing = input.RuleArns.filter((a) => !all.some((r) => r.RuleArn === a));
    if (missing.length) throw ruleNotFound(`Rules '[${missing.join(', ')}]' not found`);
    all = all.filter((r) => input.RuleArns!.includes(r.RuleArn));
  }
  const { items, next } = page(all, input.Marker, input.PageSize);
  return { Rules: items, ...(next ? { NextMarker: next } : {}) };
};
