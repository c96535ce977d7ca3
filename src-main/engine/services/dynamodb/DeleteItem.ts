import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validation } from './errors';
import { consumedCapacity } from './capacity';
import {
  checkCondition,
  itemCollectionMetrics,
  meter,
  returnValues,
  totalUnits,
  writeConsumption,
} from './item-common';
import { legacyCondition } from './legacy';
import { checkExpressionParams, checkKey, checkNames, parseExpressions } from './request';
import { deleteItem, getItem } from './state/items';
import { requireActiveTable } from './state/tables';
import { admit, charge } from './throughput';
import { normalizeItem, type Item } from './values';

export function DeleteItem(ctx: Ctx, input: OperationInput<'dynamodb', 'DeleteItem'>) {
  checkNames([['tableName', input.TableName]]);
  const data = input as unknown as Record<string, unknown>;
  checkExpressionParams(data, ['ConditionExpression'], ['Expected']);
  if (input.ReturnValues && input.ReturnValues !== 'ALL_OLD' && input.ReturnValues !== 'NONE')
    throw validation('ReturnValues can only be ALL_OLD or NONE');
  const parsed = parseExpressions(data);
  const cond = parsed.condition ?? legacyCondition(input.Expected as never, input.ConditionalOperator);
  const row = requireActiveTable(ctx, input.TableName);
  const { hk, rk } = checkKey(row, normalizeItem(input.Key as Item));
  const m = meter(ctx);
  admit(m, row, 'write');
  const old = getItem(ctx, row.id, hk, rk);
  const consumption = writeConsumption(row, old?.item, undefined);
  try {
    checkCondition(cond, old?.item, input.ReturnValuesOnConditionCheckFailure);
  } catch (e) {
    charge(m, row, 'write', totalUnits(consumption));
    throw e;
  }
  if (old) deleteItem(ctx, row, old);
  charge(m, row, 'write', totalUnits(consumption));
  const attrs = returnValues(input.ReturnValues, old?.item, undefined);
  const cc = consumedCapacity(row.spec.name, consumption, input.ReturnConsumedCapacity);
  const icm = itemCollectionMetrics(ctx, row, input.ReturnItemCollectionMetrics, old?.item);
  return {
    ...(attrs ? { Attributes: attrs } : {}),
    ...(cc ? { ConsumedCapacity: cc } : {}),
    ...(icm ? { ItemCollectionMetrics: icm } : {}),
  };
}
