import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validation } from './errors';
import { saveSpec } from './state/tables';
import { tableByArn } from './tags';

export function TagResource(ctx: Ctx, input: OperationInput<'dynamodb', 'TagResource'>) {
  const row = tableByArn(ctx, input.ResourceArn);
  const tags = new Map(row.spec.tags.map((t) => [t.Key, t.Value]));
  for (const t of input.Tags) tags.set(t.Key, t.Value);
  if (tags.size > 50)
    throw validation('One or more parameter values were invalid: The number of tags exceeds the limit of 50');
  saveSpec(ctx, row.id, { ...row.spec, tags: [...tags].map(([Key, Value]) => ({ Key, Value })) });
  return {};
}
