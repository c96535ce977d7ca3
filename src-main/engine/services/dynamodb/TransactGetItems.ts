import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validation } from './errors';
import { applyProjection, meter } from './item-common';
import { checkKey, parseExpressions } from './request';
import { getItem } from './state/items';
import { requireActiveTable } from './state/tables';
import { charge } from './throughput';
import { readUnits } from './capacity';
import { normalizeItem, type Item } from './values';

/** Up to 100 reads as one snapshot (the call's one transaction); each costs two read units per 4 KB. */
export function TransactGetItems(ctx: Ctx, input: OperationInput<'dynamodb', 'TransactGetItems'>) {
  const gets = input.TransactItems ?? [];
  if (gets.length > 100)
    throw validation(
      `1 validation error detected: Value '[...]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100`,
    );
  const m = meter(ctx);
  const units: Record<string, number> = {};
  const responses = gets.map(({ Get: g }) => {
    const parsed = parseExpressions(g as unknown as Record<string, unknown>);
    const row = requireActiveTable(ctx, g.TableName);
    const { hk, rk } = checkKey(row, normalizeItem(g.Key as Item));
    const found = getItem(ctx, row.id, hk, rk);
    const u = 2 * readUnits(found?.size ?? 0, true);
    units[g.TableName] = (units[g.TableName] ?? 0) + u;
    charge(m, row, 'read', u, { returned: found ? 1 : 0 });
    return found ? { Item: applyProjection(found.item, parsed.projection) } : {};
  });
  const cc =
    input.ReturnConsumedCapacity === 'TOTAL' || input.ReturnConsumedCapacity === 'INDEXES'
      ? Object.entries(units).map(([TableName, CapacityUnits]) => ({
          TableName,
          CapacityUnits,
          ReadCapacityUnits: CapacityUnits,
        }))
      : undefined;
  return { Responses: responses, ...(cc ? { ConsumedCapacity: cc } : {}) };
}
