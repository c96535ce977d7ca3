import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { consumedCapacity } from './capacity';
import { applyProjection, getConsumption, meter, totalUnits } from './item-common';
import { checkExpressionParams, checkKey, checkNames, parseExpressions } from './request';
import { getItem } from './state/items';
import { requireActiveTable } from './state/tables';
import { admit, charge } from './throughput';
import { normalizeItem, type Item } from './values';

/** GetItem: 0.5 units per started 4 KB when eventually consistent, 1 when strongly consistent (§13.9). */
export function GetItem(ctx: Ctx, input: OperationInput<'dynamodb', 'GetItem'>) {
  checkNames([['tableName', input.TableName]]);
  const data = input as unknown as Record<string, unknown>;
  checkExpressionParams(data, ['ProjectionExpression'], ['AttributesToGet']);
  const parsed = parseExpressions(data);
  const row = requireActiveTable(ctx, input.TableName);
  const { hk, rk } = checkKey(row, normalizeItem(input.Key as Item));
  const m = meter(ctx);
  admit(m, row, 'read');
  const found = getItem(ctx, row.id, hk, rk);
  const consumption = getConsumption(found?.size ?? 0, !!input.ConsistentRead);
  charge(m, row, 'read', totalUnits(consumption), { returned: found ? 1 : 0 });
  const cc = consumedCapacity(row.spec.name, consumption, input.ReturnConsumedCapacity);
  return {
    ...(found ? { Item: applyProjection(found.item, parsed.projection, input.AttributesToGet) } : {}),
    ...(cc ? { ConsumedCapacity: cc } : {}),
  };
}
