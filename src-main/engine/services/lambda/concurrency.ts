/** Reserved concurrency: a cap for the function and capacity set aside from the account's 1000. */
import { scoped } from '../../core/scoped';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { getFunctionRow, parseFunctionName } from './state/functions';

const ACCOUNT_LIMIT = 1000;
const UNRESERVED_MINIMUM = 100;

export const PutFunctionConcurrency = (ctx: Ctx, input: OperationInput<'lambda', 'PutFunctionConcurrency'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  getFunctionRow(ctx, name);
  const others = scoped(ctx).get<{ total: number | null }>('SELECT SUM(reserved) AS total FROM lambda_functions WHERE name != ?', name)?.total ?? 0;
  if (input.ReservedConcurrentExecutions < 0) throw invalidParameter('ReservedConcurrentExecutions must be at least 0.');
  if (others + input.ReservedConcurrentExecutions > ACCOUNT_LIMIT - UNRESERVED_MINIMUM) {
    throw invalidParameter(`Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${UNRESERVED_MINIMUM}].`);
  }
  scoped(ctx).run('UPDATE lambda_functions SET reserved = ? WHERE name = ?', input.ReservedConcurrentExecutions, name);
  return { ReservedConcurrentExecutions: input.ReservedConcurrentExecutions };
};

export const DeleteFunctionConcurrency = (ctx: Ctx, input: OperationInput<'lambda', 'DeleteFunctionConcurrency'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  getFunctionRow(ctx, name);
  scoped(ctx).run('UPDATE lambda_functions SET reserved = NULL WHERE name = ?', name);
  return {};
};

export const GetFunctionConcurrency = (ctx: Ctx, input: OperationInput<'lambda', 'GetFunctionConcurrency'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  const row = getFunctionRow(ctx, name);
  return row.reserved !== null ? { ReservedConcurrentExecutions: row.reserved } : {};
};
