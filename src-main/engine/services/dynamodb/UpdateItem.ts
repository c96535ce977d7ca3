import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParams, validation } from './errors';
import { consumedCapacity } from './capacity';
import { applyUpdate, updatedTopNames } from './expressions/evaluate';
import type { UpdateAction } from './expressions/ast';
import {
  checkCondition,
  itemCollectionMetrics,
  meter,
  returnValues,
  totalUnits,
  writeConsumption,
} from './item-common';
import { legacyCondition } from './legacy';
import { checkExpressionParams, checkItemKeys, checkKey, checkNames, parseExpressions } from './request';
import { getItem, putItem } from './state/items';
import { requireActiveTable } from './state/tables';
import { admit, charge } from './throughput';
import { checkValue, itemSize, MAX_ITEM_SIZE, normalize, normalizeItem, type AV, type Item } from './values';

type In = OperationInput<'dynamodb', 'UpdateItem'>;

/** The legacy AttributeUpdates as update actions (PUT → SET, DELETE without value → REMOVE). */
function legacyActions(
  updates: Record<string, { Value?: AV; Action?: string }> | undefined,
): UpdateAction[] | undefined {
  if (!updates) return undefined;
  return Object.entries(updates).map(([name, u]) => {
    if (u.Value) {
      const m = checkValue(u.Value);
      if (m) throw validation(m);
    }
    const action = u.Action ?? 'PUT';
    const value = u.Value ? { kind: 'value' as const, name: '', value: normalize(u.Value) } : undefined;
    if (action === 'PUT') {
      if (!value) throw invalidParams(`Only DELETE action is allowed when no attribute value is specified`);
      return { kind: 'SET', path: [name], value };
    }
    if (action === 'DELETE') return value ? { kind: 'DELETE', path: [name], value } : { kind: 'REMOVE', path: [name] };
    if (!value) throw invalidParams(`Only DELETE action is allowed when no attribute value is specified`);
    if (!['N', 'SS', 'NS', 'BS', 'L'].includes(Object.keys(value.value)[0]!))
      throw invalidParams(`ADD action is not supported for the type ${Object.keys(value.value)[0]}`);
    return { kind: 'ADD', path: [name], value };
  });
}

export function UpdateItem(ctx: Ctx, input: In) {
  checkNames([['tableName', input.TableName]]);
  const data = input as unknown as Record<string, unknown>;
  checkExpressionParams(data, ['UpdateExpression', 'ConditionExpression'], ['AttributeUpdates', 'Expected']);
  const parsed = parseExpressions(data);
  const actions = parsed.update ?? legacyActions(input.AttributeUpdates as never) ?? [];
  const cond = parsed.condition ?? legacyCondition(input.Expected as never, input.ConditionalOperator);
  const row = requireActiveTable(ctx, input.TableName);
  const key = normalizeItem(input.Key as Item);
  const { hk, rk } = checkKey(row, key);
  for (const a of actions) {
    const top = a.path[0] as string;
    if (row.spec.keySchema.some((k) => k.AttributeName === top)) {
      if (a.path.length > 1)
        throw validation(
          `Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: ${top}`,
        );
      throw invalidParams(`Cannot update attribute ${top}. This attribute is part of the key`);
    }
  }
  const m = meter(ctx);
  admit(m, row, 'write');
  const old = getItem(ctx, row.id, hk, rk);
  let consumption = writeConsumption(row, old?.item, old?.item ?? key);
  try {
    checkCondition(cond, old?.item, input.ReturnValuesOnConditionCheckFailure);
  } catch (e) {
    charge(m, row, 'write', totalUnits(consumption));
    throw e;
  }
  const next = applyUpdate(old?.item ?? key, actions);
  checkItemKeys(row, next);
  if (itemSize(next) > MAX_ITEM_SIZE) throw validation('Item size to update has exceeded the maximum allowed size');
  consumption = writeConsumption(row, old?.item, next);
  // An update of a missing item creates it, even when only its key is left (as DynamoDB does).
  putItem(ctx, row, next, old);
  charge(m, row, 'write', totalUnits(consumption));
  const attrs = returnValues(input.ReturnValues, old?.item, next, updatedTopNames(actions));
  const cc = consumedCapacity(row.spec.name, consumption, input.ReturnConsumedCapacity);
  const icm = itemCollectionMetrics(ctx, row, input.ReturnItemCollectionMetrics, next);
  return {
    ...(attrs ? { Attributes: attrs } : {}),
    ...(cc ? { ConsumedCapacity: cc } : {}),
    ...(icm ? { ItemCollectionMetrics: icm } : {}),
  };
}
