/** Tags on a function, addressed by its ARN. */
import { scoped } from '../../core/scoped';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getFunctionRow, parseFunctionName, type FunctionRow } from './state/functions';

const byArn = (ctx: Ctx, arn: string): FunctionRow => getFunctionRow(ctx, parseFunctionName(ctx, arn).name);
const save = (ctx: Ctx, row: FunctionRow, tags: Record<string, string>) => scoped(ctx).run('UPDATE lambda_functions SET tags = ? WHERE name = ?', JSON.stringify(tags), row.name);

export const TagResource = (ctx: Ctx, input: OperationInput<'lambda', 'TagResource'>) => {
  const row = byArn(ctx, input.Resource);
  save(ctx, row, { ...(JSON.parse(row.tags) as Record<string, string>), ...input.Tags });
  return {};
};

export const UntagResource = (ctx: Ctx, input: OperationInput<'lambda', 'UntagResource'>) => {
  const row = byArn(ctx, input.Resource);
  const tags = JSON.parse(row.tags) as Record<string, string>;
  for (const k of input.TagKeys) delete tags[k];
  save(ctx, row, tags);
  return {};
};

export const ListTags = (ctx: Ctx, input: OperationInput<'lambda', 'ListTags'>) => ({ Tags: JSON.parse(byArn(ctx, input.Resource).tags) as Record<string, string> });
