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
import { checkExpressionParams, checkItemKeys, checkNames, parseExpressions } from './request';
import { getItem, putItem, tableKeyOf } from './state/items';
import { requireActiveTable } from './state/tables';
import { admit, charge } from './throughput';
import { checkItemValues, itemSize, MAX_ITEM_SIZE, normalizeItem, type Item } from './values';

type In = OperationInput<'dynamodb', 'PutItem'>;

export function PutItem(ctx: Ctx, input: In) {
  checkNames([['tableName', input.TableName]]);
  const data = input as unknown as Record<string, unknown>;
  checkExpressionParams(data, ['ConditionExpression'], ['Expected']);
  checkItemValues(input.Item as Item);
  if (input.ReturnValues && input.ReturnValues !== 'ALL_OLD' && input.ReturnValues !== 'NONE')
    throw validation('ReturnValues can only be ALL_OLD or NONE');
  const item = normalizeItem(input.Item as Item);
  if (itemSize(item) > MAX_ITEM_SIZE) throw validation('Item size has exceeded the maximum allowed size');
  const parsed = parseExpressions(data);
  const cond = parsed.condition ?? legacyCondition(input.Expected as never, input.ConditionalOperator);
  const row = requireActiveTable(ctx, input.TableName);
  checkItemKeys(row, item);
  const m = meter(ctx);
  admit(m, row, 'write');
  const { hk, rk } = tableKeyOf(row, item);
  const old = getItem(ctx, row.id, hk, rk);
  const consumption = writeConsumption(row, old?.item, item);
  try {
    checkCondition(cond, old?.item, input.ReturnValuesOnConditionCheckFailure);
  } catch (e) {
    charge(m, row, 'write', totalUnits(consumption));
    throw e;
  }
  putItem(ctx, row, item, old);
  charge(m, row, 'write', totalUnits(consumption));
  const attrs = returnValues(input.ReturnValues, old?.item, item);
  const cc = consumedCapacity(row.spec.name, consumption, input.ReturnConsumedCapacity);
  const icm = itemCollectionMetrics(ctx, row, input.ReturnItemCollectionMetrics, item);
  return {
    ...(attrs ? { Attributes: attrs } : {}),
    ...(cc ? { ConsumedCapacity: cc } : {}),
    ...(icm ? { ItemCollectionMetrics: icm } : {}),
  };
}
