import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { configurationOf, parseFunctionName, resolveVersion } from './state/functions';

export const GetFunctionConfiguration = (ctx: Ctx, input: OperationInput<'lambda', 'GetFunctionConfiguration'>) => {
  const { name, qualifier } = parseFunctionName(ctx, input.FunctionName, input.Qualifier);
  return configurationOf(resolveVersion(ctx, name, qualifier));
};
