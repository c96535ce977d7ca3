import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { constraint } from './errors';
import { checkNames } from './request';
import { listTableNames } from './state/tables';

/** Names in order, 100 at most per page; LastEvaluatedTableName when more follow. */
export function ListTables(ctx: Ctx, input: OperationInput<'dynamodb', 'ListTables'>) {
  checkNames([['exclusiveStartTableName', input.ExclusiveStartTableName]]);
  const limit = input.Limit ?? 100;
  if (limit < 1) throw constraint(String(limit), 'limit', 'Member must have value greater than or equal to 1');
  if (limit > 100) throw constraint(String(limit), 'limit', 'Member must have value less than or equal to 100');
  const start = input.ExclusiveStartTableName;
  const names = listTableNames(ctx).filter((n) => start === undefined || n > start);
  const page = names.slice(0, limit);
  return { TableNames: page, ...(names.length > limit ? { LastEvaluatedTableName: page[page.length - 1] } : {}) };
}
