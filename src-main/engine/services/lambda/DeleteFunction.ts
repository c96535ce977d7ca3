import { scoped } from '../../core/scoped';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter, notFound } from './errors';
import { getFunctionRow, parseFunctionName } from './state/functions';
import { forgetFunction } from './runtime/invoker';

/** Deletes the function with its versions and aliases, or one published version. Its log group stays, as on AWS. */
export const DeleteFunction = (ctx: Ctx, input: OperationInput<'lambda', 'DeleteFunction'>) => {
  const { name, qualifier } = parseFunctionName(ctx, input.FunctionName, input.Qualifier);
  const row = getFunctionRow(ctx, name);
  const db = scoped(ctx);
  if (qualifier && qualifier !== '$LATEST') {
    if (!/^\d+$/.test(qualifier)) throw invalidParameter('Deletion of aliases is not currently supported.');
    if (db.run('DELETE FROM lambda_versions WHERE name = ? AND version = ?', name, qualifier).changes === 0) throw notFound(`Function not found: ${row.arn}:${qualifier}`);
    return {};
  }
  db.run('DELETE FROM lambda_functions WHERE name = ?', name);
  db.run('DELETE FROM lambda_versions WHERE name = ?', name);
  db.run('DELETE FROM lambda_aliases WHERE name = ?', name);
  db.run('DELETE FROM lambda_event_source_mappings WHERE function_arn = ? OR function_arn LIKE ?', row.arn, `${row.arn}:%`);
  forgetFunction(ctx.store, row.arn);
  return {};
};
