import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { checkNames } from './request';
import { describeTable, requireTable } from './state/tables';

export function DescribeTable(ctx: Ctx, input: OperationInput<'dynamodb', 'DescribeTable'>) {
  checkNames([['tableName', input.TableName]]);
  return { Table: describeTable(ctx, requireTable(ctx, input.TableName)) };
}
