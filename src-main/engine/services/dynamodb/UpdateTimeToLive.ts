import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validation } from './errors';
import { checkNames } from './request';
import { refreshTtl } from './state/items';
import { requireTable, saveSpec } from './state/tables';

/** Enables or disables expiry by a Number attribute (epoch seconds); the sweep in ttl.ts deletes. */
export function UpdateTimeToLive(ctx: Ctx, input: OperationInput<'dynamodb', 'UpdateTimeToLive'>) {
  checkNames([['tableName', input.TableName]]);
  const row = requireTable(ctx, input.TableName);
  const want = input.TimeToLiveSpecification;
  const cur = row.spec.ttl;
  if (want.Enabled && cur?.enabled) throw validation('TimeToLive is already enabled');
  if (!want.Enabled && !cur?.enabled) throw validation('TimeToLive is already disabled');
  if (!want.Enabled && cur && cur.attribute !== want.AttributeName)
    throw validation('TimeToLive attribute name is not the same as the one enabled');
  const spec = { ...row.spec, ttl: { attribute: want.AttributeName, enabled: want.Enabled } };
  saveSpec(ctx, row.id, spec);
  refreshTtl(ctx, { ...row, spec });
  return { TimeToLiveSpecification: { Enabled: want.Enabled, AttributeName: want.AttributeName } };
}
