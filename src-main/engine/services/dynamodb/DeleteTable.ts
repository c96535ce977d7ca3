import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { resourceInUse, validation } from './errors';
import { checkNames } from './request';
import { describeTable, requireTable, tableStatus } from './state/tables';
import { forgetTable } from './throughput';
import { closeStreamsOf } from './state/streams';

/**
 * Deletes the table and its items at once and answers DELETING, as DynamoDB's first answer does;
 * the next DescribeTable finds nothing, which is what the table-not-exists waiter waits for.
 */
export function DeleteTable(ctx: Ctx, input: OperationInput<'dynamodb', 'DeleteTable'>) {
  checkNames([['tableName', input.TableName]]);
  const row = requireTable(ctx, input.TableName);
  const status = tableStatus(row.spec, ctx.clock.now());
  if (status === 'CREATING' || status === 'UPDATING') {
    throw resourceInUse(
      `Attempt to change a resource which is still in use: Table is being ${status === 'CREATING' ? 'created' : 'updated'}: ${input.TableName}`,
    );
  }
  if (row.spec.deletionProtection)
    throw validation(
      `Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.`,
    );
  const out = describeTable(ctx, row, 'DELETING');
  ctx.store.stmt('DELETE FROM ddb_index_keys WHERE table_id = ?').run(row.id);
  ctx.store.stmt('DELETE FROM ddb_items WHERE table_id = ?').run(row.id);
  closeStreamsOf(ctx, row.id, ctx.clock.now());
  ctx.store.stmt('DELETE FROM ddb_tables WHERE id = ?').run(row.id);
  forgetTable(ctx.accountId, ctx.region, row.spec.name);
  return { TableDescription: out };
}
