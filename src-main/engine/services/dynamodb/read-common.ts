/** The page loop Query and Scan share: Limit, the 1 MB page, filters, projections, Select, capacity. */
import type { Ctx } from '../../core/provider';
import { validation } from './errors';
import { evalCondition } from './expressions/evaluate';
import type { Condition, Path } from './expressions/ast';
import { applyProjection, projectForIndex } from './item-common';
import type { IndexSpec, TableRow } from './state/tables';
import { itemSize, type Item } from './values';
import { readUnits, type Consumption } from './capacity';

const PAGE_BYTES = 1024 * 1024;

export interface Row {
  item: string;
  /** Cursor columns for the next batch. */
  cursor: unknown[];
}

export interface ReadPlan {
  /** Fetches up to n rows after the cursor (undefined = from the start). */
  fetch(after: unknown[] | undefined, n: number): Row[];
  start?: unknown[];
  limit?: number;
  index?: IndexSpec;
  filter?: Condition;
  projection?: Path[];
  attributesToGet?: string[];
  select?: string;
  consistent: boolean;
}

export interface ReadResult {
  items: Item[];
  count: number;
  scanned: number;
  last?: Item;
  consumption: Consumption;
}

export function checkSelect(
  input: { Select?: string; ProjectionExpression?: string; AttributesToGet?: string[] },
  index: IndexSpec | undefined,
  isGsi: boolean,
  op: string,
): void {
  const hasProjection = input.ProjectionExpression !== undefined || input.AttributesToGet !== undefined;
  if (input.Select === 'SPECIFIC_ATTRIBUTES' && !hasProjection)
    throw validation(
      'One or more parameter values were invalid: Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES',
    );
  if (input.Select && input.Select !== 'SPECIFIC_ATTRIBUTES' && hasProjection) {
    throw validation(
      `One or more parameter values were invalid: Cannot specify the ${input.AttributesToGet ? 'AttributesToGet' : 'ProjectionExpression'} when choosing to get ${input.Select}`,
    );
  }
  if (input.Select === 'ALL_PROJECTED_ATTRIBUTES' && !index)
    throw validation(
      'One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is not supported for queries or scans on the base table'.replace(
        'queries or scans',
        op === 'Query' ? 'queries' : 'scans',
      ),
    );
  if (input.Select === 'ALL_ATTRIBUTES' && index && isGsi && index.projection.ProjectionType !== 'ALL') {
    throw validation(
      `One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index ${index.name} because its projection type is not ALL`,
    );
  }
}

export function runRead(row: TableRow, plan: ReadPlan, lastKeyOf: (item: Item) => Item): ReadResult {
  const items: Item[] = [];
  let scanned = 0;
  let bytes = 0;
  let cursor = plan.start;
  let last: Item | undefined;
  const limit = plan.limit ?? Infinity;
  outer: for (;;) {
    const batch = plan.fetch(cursor, Math.min(Number.isFinite(limit) ? limit - scanned : 500, 500));
    if (batch.length === 0) break;
    for (const r of batch) {
      const full = JSON.parse(r.item) as Item;
      const stored = plan.index ? projectForIndex(row, plan.index, full) : full;
      scanned++;
      bytes += itemSize(stored);
      cursor = r.cursor;
      if (!plan.filter || evalCondition(stored, plan.filter)) {
        // Queries on LSIs with non-projected attributes fetch from the table (the lab has them at hand).
        const source = plan.select === 'ALL_ATTRIBUTES' ? full : stored;
        items.push(applyProjection(source, plan.projection, plan.attributesToGet));
      }
      if (scanned >= limit || bytes >= PAGE_BYTES) {
        last = lastKeyOf(full);
        break outer;
      }
    }
  }
  return {
    items: plan.select === 'COUNT' ? [] : items,
    count: items.length,
    scanned,
    last,
    consumption: { table: 0, indexes: {}, read: true, ...splitUnits(row, plan, readUnits(bytes, plan.consistent)) },
  };
}

function splitUnits(row: TableRow, plan: ReadPlan, units: number): Partial<Consumption> {
  if (!plan.index) return { table: units };
  if (row.spec.lsis.includes(plan.index)) return { table: 0, local: { [plan.index.name]: units } };
  return { table: 0, indexes: { [plan.index.name]: units } };
}

export function findIndex(row: TableRow, name: string | undefined): IndexSpec | undefined {
  if (name === undefined) return undefined;
  const ix = [...row.spec.lsis, ...row.spec.gsis].find((i) => i.name === name && !i.deleting);
  if (!ix) throw validation(`The table does not have the specified index: ${name}`);
  return ix;
}

export const isGsi = (row: TableRow, ix: IndexSpec | undefined): boolean => !!ix && row.spec.gsis.includes(ix);

export function baseResult(
  r: ReadResult,
  tableName: string,
  consumed: Record<string, unknown> | undefined,
  select?: string,
) {
  return {
    ...(select === 'COUNT' ? {} : { Items: r.items }),
    Count: r.count,
    ScannedCount: r.scanned,
    ...(r.last ? { LastEvaluatedKey: r.last } : {}),
    ...(consumed ? { ConsumedCapacity: consumed } : {}),
  };
}

export type { Ctx };
