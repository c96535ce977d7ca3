import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validation } from './errors';
import { consumedCapacity } from './capacity';
import { meter, totalUnits } from './item-common';
import { keyRange, type KeyRange } from './key-condition';
import { legacyCondition } from './legacy';
import { baseResult, checkSelect, findIndex, isGsi, runRead, type Row } from './read-common';
import { checkExpressionParams, checkNames, parseExpressions } from './request';
import { keyOnly } from './state/items';
import { indexStatus, requireActiveTable, type TableRow } from './state/tables';
import { admit, charge } from './throughput';
import { checkValue, encodeKey, normalizeItem, type Item } from './values';

type In = OperationInput<'dynamodb', 'Query'>;

function bounds(col: string, r: KeyRange, args: unknown[]): string {
  let sql = '';
  if (r.lower) {
    sql += ` AND ${col} ${r.lower.inclusive ? '>=' : '>'} ?`;
    args.push(r.lower.value);
  }
  if (r.upper) {
    sql += ` AND ${col} ${r.upper.inclusive ? '<=' : '<'} ?`;
    args.push(r.upper.value);
  }
  return sql;
}

export function Query(ctx: Ctx, input: In) {
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
    ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'],
    ['AttributesToGet', 'QueryFilter', 'ConditionalOperator', 'KeyConditions'],
  );
  for (const v of Object.values((input.ExclusiveStartKey ?? {}) as Item)) {
    const m = checkValue(v);
    if (m)
      throw validation(
        /contains duplicates|number set|numeric value|significant digits|number with magnitude/.test(m)
          ? m
          : `The provided starting key is invalid: ${m}`,
      );
  }
  if (input.KeyConditions === undefined && input.KeyConditionExpression === undefined) {
    throw validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  }
  const parsed = parseExpressions(data);
  const keyCond = parsed.keyCondition ?? legacyCondition(input.KeyConditions as never, 'AND')!;
  const filter = parsed.filter ?? legacyCondition(input.QueryFilter as never, input.ConditionalOperator);
  const row = requireActiveTable(ctx, input.TableName);
  const index = findIndex(row, input.IndexName);
  const gsi = isGsi(row, index);
  if (gsi && input.ConsistentRead) throw validation('Consistent reads are not supported on global secondary indexes');
  if (gsi && indexStatus(index!, ctx.clock.now()) !== 'ACTIVE')
    throw validation(`Cannot read from backfilling global secondary index: ${index!.name}`);
  checkSelect(input, index, gsi, 'Query');
  const schema = index?.keySchema ?? row.spec.keySchema;
  const types = (n: string) => row.spec.attributeDefinitions.find((a) => a.AttributeName === n)?.AttributeType ?? 'S';
  const range = keyRange(keyCond, schema, types);
  const forward = input.ScanIndexForward !== false;
  const dir = forward ? 'ASC' : 'DESC';
  const cmp = forward ? '>' : '<';
  const hk = encodeKey(range.hash);
  const start = input.ExclusiveStartKey
    ? startCursor(row, schema, !!index, normalizeItem(input.ExclusiveStartKey as Item))
    : undefined;

  const fetch = (after: unknown[] | undefined, n: number): Row[] => {
    const args: unknown[] = [];
    if (!index) {
      args.push(row.id, hk);
      let sql = `SELECT rk, item FROM ddb_items WHERE table_id = ? AND hk = ?` + bounds('rk', range, args);
      if (after) {
        sql += ` AND rk ${cmp} ?`;
        args.push(after[0]);
      }
      sql += ` ORDER BY rk ${dir} LIMIT ${n}`;
      return (ctx.store.stmt(sql).all(...args) as { rk: string; item: string }[]).map((r) => ({
        item: r.item,
        cursor: [r.rk],
      }));
    }
    args.push(row.id, index.name, hk);
    let sql =
      `SELECT k.irk, k.hk, k.rk, i.item FROM ddb_index_keys k JOIN ddb_items i ON i.table_id = k.table_id AND i.hk = k.hk AND i.rk = k.rk
      WHERE k.table_id = ? AND k.idx = ? AND k.ihk = ?` + bounds('k.irk', range, args);
    if (after) {
      sql += ` AND (k.irk, k.hk, k.rk) ${cmp} (?, ?, ?)`;
      args.push(...after);
    }
    sql += ` ORDER BY k.irk ${dir}, k.hk ${dir}, k.rk ${dir} LIMIT ${n}`;
    return (ctx.store.stmt(sql).all(...args) as { irk: string; hk: string; rk: string; item: string }[]).map((r) => ({
      item: r.item,
      cursor: [r.irk, r.hk, r.rk],
    }));
  };

  const m = meter(ctx);
  admit(m, row, 'read', gsi ? index!.name : undefined);
  const result = runRead(
    row,
    {
      fetch,
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

function startCursor(row: TableRow, schema: { AttributeName: string }[], onIndex: boolean, key: Item): unknown[] {
  const need = new Set([...row.spec.keySchema, ...(onIndex ? schema : [])].map((k) => k.AttributeName));
  if (Object.keys(key).length !== need.size || [...need].some((n) => !key[n]))
    throw validation('The provided starting key is invalid: The provided key element does not match the schema');
  const tr = row.spec.keySchema[1]?.AttributeName;
  const rk = tr ? encodeKey(key[tr]!) : '';
  if (!onIndex) return [rk];
  const ir = schema[1]?.AttributeName;
  return [ir ? encodeKey(key[ir]!) : '', encodeKey(key[row.spec.keySchema[0]!.AttributeName]!), rk];
}
