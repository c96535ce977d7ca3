import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getListener, rulesOf } from './state/listeners';
import { dropTags } from './state/tags';

export const DeleteListener = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DeleteListener'>) => {
  const l = getListener(ctx, input.ListenerArn);
  for (const r of rulesOf(ctx, l.arn)) dropTags(ctx, r.arn);
  dropTags(ctx, l.arn);
  ctx.store.stmt('DELETE FROM elbv2_listeners WHERE arn = ?').run(l.arn);
  return {};
};
