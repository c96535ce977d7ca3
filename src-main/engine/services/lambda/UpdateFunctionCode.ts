import { scoped } from '../../core/scoped';
import { streaming, type Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { packageOf } from './code';
import { preconditionFailed } from './errors';
import { checkPackage, configurationOf, getFunctionRow, lambdaTime, newRevision, parseFunctionName, resolveVersion } from './state/functions';
import { publishVersion } from './state/versions';

/** New package for $LATEST; warm sandboxes of the old code are not reused (they run another CodeSha256). */
export const UpdateFunctionCode = streaming(async (ctx: Ctx, input: OperationInput<'lambda', 'UpdateFunctionCode'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  const zip = await packageOf(ctx, input);
  const pkg = checkPackage(zip);
  return ctx.commit(() => {
    const row = getFunctionRow(ctx, name);
    if (input.RevisionId && input.RevisionId !== row.revision_id) throw preconditionFailed('The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id');
    if (input.DryRun) return configurationOf({ ...resolveVersion(ctx, name), codeSha: pkg.sha, codeSize: pkg.size });
    scoped(ctx).run(
      'UPDATE lambda_functions SET code = ?, code_sha = ?, code_size = ?, revision_id = ?, last_modified = ? WHERE name = ?',
      zip,
      pkg.sha,
      pkg.size,
      newRevision(),
      lambdaTime(ctx.clock.now()),
      name,
    );
    return configurationOf(input.Publish ? publishVersion(ctx, name) : resolveVersion(ctx, name));
  });
});
