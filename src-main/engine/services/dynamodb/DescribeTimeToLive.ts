import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { checkNames } from './request';
import { requireTable } from './state/tables';

export function DescribeTimeToLive(ctx: Ctx, input: OperationInput<'dynamodb', 'DescribeTimeToLive'>) {
  checkNames([['tableName', input.TableName]]);
  const ttl = requireTable(ctx, input.TableName).spec.ttl;
  return {
    TimeToLiveDescription: ttl?.enabled
      ? { TimeToLiveStatus: 'ENABLED', AttributeName: ttl.attribute }
      : { TimeToLiveStatus: 'DISABLED' },
  };
}
