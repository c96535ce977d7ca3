import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validation } from './errors';
import { consumedCapacity } from './capacity';
import { meter, totalUnits } from './item-common';
import { legacyCondition } from './legacy';
import { baseResult, checkSelect, findIndex, isGsi, runRead, type Row } from './read-common';
import { checkExpressionParams, checkNames, parseExpressions } from './request';
import { hashOf, keyOnly } from './state/items';
import { indexStatus, requireActiveTable } from './state/tables';
import { admit, charge } from './throughput';
import { checkValue, encodeKey, normalizeItem, type Item } from './values';

type In = OperationInput<'dynamodb', 'Scan'>;

const SPACE = 2 ** 32;

/**
 * Scan walks the table in (hash-of-hash-key, key) order, like DynamoDB's partitions; a parallel
 * scan's segment is a slice of that hash space, so segments never overlap and cover every item.
 */
export function Scan(ctx: Ctx, input: In) {
  const limit =
    input.Limit !== undefined && input.Limit < 1
      ? [
          `Value '${input.Limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`,
        ]
      : [];
  checkNames(
    [
      ['tableName', input.TableName],
      ['indexName', input.IndexName],
    ],
    limit,
  );
  const data = input as unknown as Record<string, unknown>;
  checkExpressionParams(
    data,
    ['ProjectionExpression', 'FilterExpression'],
    ['AttributesToGet', 'ScanFilter', 'ConditionalOperator'],
  );
  for (const v of Object.values((input.ExclusiveStartKey ?? {}) as Item)) {
    const m = checkValue(v);
    if (m) throw validation(`The provided starting key is invalid: ${m}`);
  }
  if (input.Segment !== undefined && input.TotalSegments === undefined)
    throw validation(
      'The TotalSegments parameter is required but was not present in the request when Segment parameter is present',
    );
  if (input.TotalSegments !== undefined && input.Segment === undefined)
    throw validation(
      'The Segment parameter is required but was not present in the request when parameter TotalSegments is present',
    );
  if (input.TotalSegments !== undefined && input.Segment! >= input.TotalSegments) {
    throw validation(
      `The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${input.Segment} is out of bounds for TotalSegments: ${input.TotalSegments}`,
    );
  }
  const parsed = parseExpressions(data);
  const filter = parsed.filter ?? legacyCondition(input.ScanFilter as never, input.ConditionalOperator);
  const row = requireActiveTable(ctx, input.TableName);
  const index = findIndex(row, input.IndexName);
  const gsi = isGsi(row, index);
  if (gsi && input.ConsistentRead) throw validation('Consistent reads are not supported on global secondary indexes');
  if (gsi && indexStatus(index!, ctx.clock.now()) !== 'ACTIVE')
    throw validation(`Cannot read from backfilling global secondary index: ${index!.name}`);
  checkSelect(input, index, gsi, 'Scan');
  const total = input.TotalSegments ?? 1;
  const seg = input.Segment ?? 0;
  const lo = Math.floor((seg * SPACE) / total);
  const hi = Math.floor(((seg + 1) * SPACE) / total);

  let start: unknown[] | undefined;
  if (input.ExclusiveStartKey) {
    const key = normalizeItem(input.ExclusiveStartKey as Item);
    const ks = row.spec.keySchema;
    if (!key[ks[0]!.AttributeName] || (ks[1] && !key[ks[1].AttributeName]))
      throw validation('The provided starting key is invalid: The provided key element does not match the schema');
    const hk = encodeKey(key[ks[0]!.AttributeName]!);
    const rk = ks[1] ? encodeKey(key[ks[1].AttributeName]!) : '';
    if (!index) start = [hashOf(hk), hk, rk];
    else {
      const ih = key[index.keySchema[0]!.AttributeName];
      const ir = index.keySchema[1] ? key[index.keySchema[1].AttributeName] : undefined;
      if (!ih)
        throw validation('The provided starting key is invalid: The provided key element does not match the schema');
      start = [encodeKey(ih), ir ? encodeKey(ir) : '', hk, rk];
    }
  }

  const fetch = (after: unknown[] | undefined, n: number): Row[] => {
    if (!index) {
      const args: unknown[] = [row.id, lo, hi];
      let sql = 'SELECT hh, hk, rk, item FROM ddb_items WHERE table_id = ? AND hh >= ? AND hh < ?';
      if (after) {
        sql += ' AND (hh, hk, rk) > (?, ?, ?)';
        args.push(...after);
      }
      sql += ` ORDER BY hh, hk, rk LIMIT ${n}`;
      return (ctx.store.stmt(sql).all(...args) as { hh: number; hk: string; rk: string; item: string }[]).map((r) => ({
        item: r.item,
        cursor: [r.hh, r.hk, r.rk],
      }));
    }
    const args: unknown[] = [row.id, index.name];
    let sql = `SELECT k.ihk, k.irk, k.hk, k.rk, i.item FROM ddb_index_keys k JOIN ddb_items i ON i.table_id = k.table_id AND i.hk = k.hk AND i.rk = k.rk
      WHERE k.table_id = ? AND k.idx = ?`;
    if (after) {
      sql += ' AND (k.ihk, k.irk, k.hk, k.rk) > (?, ?, ?, ?)';
      args.push(...after);
    }
    sql += ` ORDER BY k.ihk, k.irk, k.hk, k.rk LIMIT ${n}`;
    const rows = ctx.store.stmt(sql).all(...args) as {
      ihk: string;
      irk: string;
      hk: string;
      rk: string;
      item: string;
    }[];
    // Index scans take their segment by the table's hash key, like the base table.
    return rows.map((r) => ({
      item: total > 1 && (hashOf(r.hk) < lo || hashOf(r.hk) >= hi) ? '__skip__' : r.item,
      cursor: [r.ihk, r.irk, r.hk, r.rk],
    }));
  };
  const fetchSkipping = (after: unknown[] | undefined, n: number): Row[] => {
    for (;;) {
      const rows = fetch(after, n);
      const kept = rows.filter((r) => r.item !== '__skip__');
      if (kept.length || rows.length === 0) return kept;
      after = rows[rows.length - 1]!.cursor;
    }
  };

  const m = meter(ctx);
  admit(m, row, 'read', gsi ? index!.name : undefined);
  const result = runRead(
    row,
    {
      fetch: fetchSkipping,
      start,
      limit: input.Limit,
      index,
      filter,
      projection: parsed.projection,
      attributesToGet: input.AttributesToGet,
      select: input.Select,
      consistent: !!input.ConsistentRead,
    },
    (item) => ({ ...keyOnly(row.spec.keySchema, item), ...(index ? keyOnly(index.keySchema, item) : {}) }),
  );
  charge(m, row, 'read', totalUnits(result.consumption), {
    index: gsi ? index!.name : undefined,
    returned: result.count,
  });
  return baseResult(
    result,
    row.spec.name,
    consumedCapacity(row.spec.name, result.consumption, input.ReturnConsumedCapacity),
    input.Select,
  );
}
