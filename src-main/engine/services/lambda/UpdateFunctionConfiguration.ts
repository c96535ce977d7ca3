import { scoped } from '../../core/scoped';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { applyConfig } from './config-input';
import { preconditionFailed } from './errors';
import { checkRole } from './role';
import { configurationOf, getFunctionRow, lambdaTime, newRevision, parseFunctionName, resolveVersion, type FunctionConfig } from './state/functions';

export const UpdateFunctionConfiguration = (ctx: Ctx, input: OperationInput<'lambda', 'UpdateFunctionConfiguration'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  const row = getFunctionRow(ctx, name);
  if (input.RevisionId && input.RevisionId !== row.revision_id) throw preconditionFailed('The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id');
  if (input.Role) checkRole(ctx, input.Role);
  const config = applyConfig(JSON.parse(row.config) as FunctionConfig, input);
  scoped(ctx).run('UPDATE lambda_functions SET config = ?, revision_id = ?, last_modified = ? WHERE name = ?', JSON.stringify(config), newRevision(), lambdaTime(ctx.clock.now()), name);
  return configurationOf(resolveVersion(ctx, name));
};
