import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { configurationOf, getFunctionRow, parseFunctionName, resolveVersion } from './state/functions';

/** Configuration, where the package is (a lab-local URL: the code itself is in the lab), tags, concurrency. */
export const GetFunction = (ctx: Ctx, input: OperationInput<'lambda', 'GetFunction'>) => {
  const { name, qualifier } = parseFunctionName(ctx, input.FunctionName, input.Qualifier);
  const v = resolveVersion(ctx, name, qualifier);
  const row = getFunctionRow(ctx, name);
  const tags = JSON.parse(row.tags) as Record<string, string>;
  return {
    Configuration: configurationOf(v),
    Code: { RepositoryType: 'S3', Location: `https://awslambda-${ctx.region}-tasks.s3.${ctx.region}.amazonaws.com/snapshots/${ctx.accountId}/${name}-${v.codeSha.slice(0, 8)}` },
    ...(Object.keys(tags).length ? { Tags: tags } : {}),
    ...(row.reserved !== null ? { Concurrency: { ReservedConcurrentExecutions: row.reserved } } : {}),
  };
};
