import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { requireGroup } from './group-lookup';

const ALLOWED = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export const PutRetentionPolicy = (ctx: Ctx, input: OperationInput<'logs', 'PutRetentionPolicy'>) => {
  const g = requireGroup(ctx, input);
  if (!ALLOWED.includes(input.retentionInDays))
    throw invalidParameter(`1 validation error detected: Value '${input.retentionInDays}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${ALLOWED.join(', ')}]`);
  ctx.store.stmt('UPDATE logs_groups SET retention_days = ? WHERE account_id = ? AND region = ? AND name = ?').run(input.retentionInDays, g.account_id, g.region, g.name);
  return {};
};
