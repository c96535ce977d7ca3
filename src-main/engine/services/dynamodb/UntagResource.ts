import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { saveSpec } from './state/tables';
import { tableByArn } from './tags';

export function UntagResource(ctx: Ctx, input: OperationInput<'dynamodb', 'UntagResource'>) {
  const row = tableByArn(ctx, input.ResourceArn);
  saveSpec(ctx, row.id, { ...row.spec, tags: row.spec.tags.filter((t) => !input.TagKeys.includes(t.Key)) });
  return {};
}
