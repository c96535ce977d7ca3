/** What PutItem, UpdateItem, DeleteItem and the batch/transaction calls share. */
import type { Ctx } from '../../core/provider';
import { conditionalCheckFailed } from './errors';
import { evalCondition, project } from './expressions/evaluate';
import type { Condition, Path } from './expressions/ast';
import { writeUnits, readUnits, type Consumption } from './capacity';
import { allIndexes, keyOnly } from './state/items';
import type { IndexSpec, TableRow } from './state/tables';
import { encodeKey, itemSize, type Item } from './values';
import type { Meter } from './throughput';

export const meter = (ctx: Ctx): Meter => ({ accountId: ctx.accountId, region: ctx.region, now: ctx.clock.now() });

/** Throws ConditionalCheckFailedException (with the old item when asked) unless the condition holds. */
export function checkCondition(cond: Condition | undefined, old: Item | undefined, onFailure?: unknown): void {
  if (cond && !evalCondition(old, cond)) throw conditionalCheckFailed(onFailure === 'ALL_OLD' && old ? old : undefined);
}

/** Does this index hold a row for the item? (sparse: only items with its key attributes). */
const inIndex = (ix: IndexSpec, item: Item | undefined): boolean =>
  !!item && ix.keySchema.every((k) => item[k.AttributeName] !== undefined);

/** The projected part of an item as an index stores it. */
export function projectForIndex(row: TableRow, ix: IndexSpec, item: Item): Item {
  const p = ix.projection;
  if (p.ProjectionType === 'ALL' || !p.ProjectionType) return item;
  const keep = new Set([...row.spec.keySchema, ...ix.keySchema].map((k) => k.AttributeName));
  if (p.ProjectionType === 'INCLUDE') for (const a of p.NonKeyAttributes ?? []) keep.add(a);
  return Object.fromEntries(Object.entries(item).filter(([k]) => keep.has(k)));
}

/** A write's units: the larger of old and new item, plus each index the write touches. */
export function writeConsumption(row: TableRow, old: Item | undefined, next: Item | undefined): Consumption {
  const size = Math.max(old ? itemSize(old) : 0, next ? itemSize(next) : 0);
  const c: Consumption = { table: writeUnits(size), indexes: {}, local: {}, read: false };
  for (const ix of allIndexes(row)) {
    const was = inIndex(ix, old);
    const is = inIndex(ix, next);
    if (!was && !is) continue;
    const before = was ? itemSize(projectForIndex(row, ix, old!)) : 0;
    const after = is ? itemSize(projectForIndex(row, ix, next!)) : 0;
    const keyChanged =
      was &&
      is &&
      ix.keySchema.some((k) => JSON.stringify(old![k.AttributeName]) !== JSON.stringify(next![k.AttributeName]));
    const units = keyChanged ? writeUnits(before) + writeUnits(after) : writeUnits(Math.max(before, after));
    const target = row.spec.lsis.includes(ix) ? c.local! : c.indexes;
    target[ix.name] = units;
  }
  return c;
}

export const totalUnits = (c: Consumption): number =>
  c.table +
  Object.values(c.indexes).reduce((a, b) => a + b, 0) +
  Object.values(c.local ?? {}).reduce((a, b) => a + b, 0);

export const getConsumption = (size: number, consistent: boolean): Consumption => ({
  table: readUnits(size, consistent),
  indexes: {},
  read: true,
});

/** ReturnValues for writes: ALL_OLD, ALL_NEW, UPDATED_OLD, UPDATED_NEW. */
export function returnValues(
  mode: unknown,
  old: Item | undefined,
  next: Item | undefined,
  updated: string[] = [],
): Item | undefined {
  switch (mode) {
    case 'ALL_OLD':
      return old;
    case 'ALL_NEW':
      return next;
    case 'UPDATED_OLD':
      return old ? pick(old, updated) : undefined;
    case 'UPDATED_NEW':
      return next ? pick(next, updated) : undefined;
    default:
      return undefined;
  }
}

const pick = (item: Item, names: string[]): Item | undefined => {
  const out = Object.fromEntries(names.filter((n) => item[n] !== undefined).map((n) => [n, item[n]!]));
  return Object.keys(out).length ? out : undefined;
};

/** ProjectionExpression or AttributesToGet applied to a read result. */
export function applyProjection(item: Item, paths: Path[] | undefined, attributesToGet?: string[]): Item {
  if (paths) return project(item, paths);
  if (attributesToGet)
    return project(
      item,
      attributesToGet.map((a) => [a]),
    );
  return item;
}

export { keyOnly };

/**
 * ReturnItemCollectionMetrics SIZE: only tables with local secondary indexes have item
 * collections; the estimate is a 1 GB-wide range around the collection's size, as DynamoDB gives it.
 */
export function itemCollectionMetrics(
  ctx: Pick<Ctx, 'store'>,
  row: TableRow,
  mode: unknown,
  item: Item | undefined,
): Record<string, unknown> | undefined {
  if (mode !== 'SIZE' || row.spec.lsis.length === 0 || !item) return undefined;
  const hashAttr = row.spec.keySchema[0]!.AttributeName;
  const hv = item[hashAttr];
  if (!hv) return undefined;
  const bytes = (
    ctx.store
      .stmt('SELECT COALESCE(SUM(size), 0) AS n FROM ddb_items WHERE table_id = ? AND hk = ?')
      .get(row.id, encodeKey(hv)) as { n: number }
  ).n;
  const gb = Math.floor(bytes / 1024 ** 3);
  return { ItemCollectionKey: { [hashAttr]: hv }, SizeEstimateRangeGB: [gb, gb + 1] };
}
