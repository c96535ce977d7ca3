import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { configurationOf, getFunctionRow, parseFunctionName, resolveVersion } from './state/functions';

/**
 * Configuration, where the package is, tags, concurrency. AWS answers a presigned S3 URL; the lab
 * answers a data: URL with the package itself when it is small (the console's code editor reads it),
 * else a placeholder location (the package stays in the lab).
 */
const INLINE_LIMIT = 1024 * 1024;
export const GetFunction = (ctx: Ctx, input: OperationInput<'lambda', 'GetFunction'>) => {
  const { name, qualifier } = parseFunctionName(ctx, input.FunctionName, input.Qualifier);
  const v = resolveVersion(ctx, name, qualifier);
  const row = getFunctionRow(ctx, name);
  const tags = JSON.parse(row.tags) as Record<string, string>;
  return {
    Configuration: configurationOf(v),
    Code: {
      RepositoryType: 'S3',
      Location:
        v.codeSize <= INLINE_LIMIT
          ? `data:application/zip;base64,${v.code.toString('base64')}`
          : `https://awslambda-${ctx.region}-tasks.s3.${ctx.region}.amazonaws.com/snapshots/${ctx.accountId}/${name}-${v.codeSha.slice(0, 8)}`,
    },
    ...(Object.keys(tags).length ? { Tags: tags } : {}),
    ...(row.reserved !== null ? { Concurrency: { ReservedConcurrentExecutions: row.reserved } } : {}),
  };
};
