import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validation } from './errors';
import { consumedCapacity } from './capacity';
import { meter, totalUnits, writeConsumption } from './item-common';
import { checkItemKeys, checkKey, checkNames } from './request';
import { deleteItem, getItem, putItem, tableKeyOf } from './state/items';
import { requireActiveTable, type TableRow } from './state/tables';
import { admit, charge } from './throughput';
import { checkItemValues, itemSize, MAX_ITEM_SIZE, normalizeItem, type Item } from './values';
import type { AwsError } from '../../protocol/errors';

type In = OperationInput<'dynamodb', 'BatchWriteItem'>;
type WriteRequest = { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } };

/**
 * Up to 25 puts and deletes over several tables, all validated before any is written, all written
 * in the call's one transaction. Tables out of write capacity come back in UnprocessedItems.
 */
export function BatchWriteItem(ctx: Ctx, input: In) {
  const requests = Object.entries(input.RequestItems ?? {}) as [string, WriteRequest[]][];
  checkNames(requests.map(([name]) => ['requestItems', name] as [string, string]));
  if (requests.length === 0)
    throw validation(
      "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  const total = requests.reduce((n, [, r]) => n + r.length, 0);
  if (total > 25) throw validation('Too many items requested for the BatchWriteItem call');
  const plan: { row: TableRow; name: string; writes: { put?: Item; key: { hk: string; rk: string } }[] }[] = [];
  for (const [name, writes] of requests) {
    for (const w of writes) {
      if (!!w.PutRequest === !!w.DeleteRequest)
        throw validation(
          'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
        );
      if (w.PutRequest) {
        checkItemValues(w.PutRequest.Item);
        if (itemSize(normalizeItem(w.PutRequest.Item)) > MAX_ITEM_SIZE)
          throw validation('Item size has exceeded the maximum allowed size');
      }
    }
    const row = requireActiveTable(ctx, name);
    const entries = writes.map((w) => {
      if (w.PutRequest) {
        const item = normalizeItem(w.PutRequest.Item);
        checkItemKeys(row, item);
        return { put: item, key: tableKeyOf(row, item) };
      }
      return { key: checkKey(row, normalizeItem(w.DeleteRequest!.Key)) };
    });
    if (new Set(entries.map((e) => `${e.key.hk}\u0000${e.key.rk}`)).size !== entries.length)
      throw validation('Provided list of item keys contains duplicates');
    plan.push({ row, name, writes: entries });
  }
  const m = meter(ctx);
  const unprocessed: Record<string, WriteRequest[]> = {};
  const consumed: Record<string, unknown>[] = [];
  let throttled: AwsError | undefined;
  let wrote = false;
  for (const p of plan) {
    try {
      admit(m, p.row, 'write');
    } catch (e) {
      throttled = e as AwsError;
      unprocessed[p.name] = (input.RequestItems as Record<string, WriteRequest[]>)[p.name]!;
      continue;
    }
    let units = 0;
    const indexes: Record<string, number> = {};
    for (const w of p.writes) {
      const old = getItem(ctx, p.row.id, w.key.hk, w.key.rk);
      const c = writeConsumption(p.row, old?.item, w.put);
      units += totalUnits(c);
      for (const [k, v] of Object.entries(c.indexes)) indexes[k] = (indexes[k] ?? 0) + v;
      if (w.put) putItem(ctx, p.row, w.put, old);
      else if (old) deleteItem(ctx, p.row, old);
    }
    wrote = true;
    charge(m, p.row, 'write', units);
    const cc = consumedCapacity(
      p.name,
      { table: units - Object.values(indexes).reduce((a, b) => a + b, 0), indexes, read: false },
      input.ReturnConsumedCapacity,
    );
    if (cc) consumed.push(cc);
  }
  if (throttled && !wrote) throw throttled;
  return { UnprocessedItems: unprocessed, ...(consumed.length ? { ConsumedCapacity: consumed } : {}) };
}
