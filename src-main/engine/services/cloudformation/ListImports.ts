import type { Ctx } from '../../core/provider';
import { validationError } from './errors';
import { importingStacks } from './state/stacks';

export const ListImports = (ctx: Ctx, input: { ExportName: string; NextToken?: string }) => {
  const stacks = importingStacks(ctx.store, ctx.accountId, ctx.region, input.ExportName);
  if (!stacks.length) throw validationError(`Export '${input.ExportName}' is not imported by any stack.`);
  return { Imports: stacks };
};
