/**
 * Checks shared by the item operations, in DynamoDB's order and words: table name constraints,
 * expression vs legacy parameters, ExpressionAttributeNames/Values, the expressions themselves,
 * keys against the schema.
 */
import { validation } from './errors';
import { parseCondition, parseProjection, parseUpdate, newContext, type ExprContext } from './expressions/parser';
import type { Condition, Path, UpdateAction } from './expressions/ast';
import { checkValue, type AV, type Item } from './values';
import type { KeyElement, TableRow } from './state/tables';
import { encodeKey } from './values';

const NAME_RE = /^[a-zA-Z0-9_.-]+$/;

/** Table and index name constraints, collected as "N validation errors detected". */
export function checkNames(fields: [string, string | undefined][], base: string[] = []): void {
  const errors = [...base];
  for (const [field, v] of fields) {
    if (v === undefined) continue;
    if (!NAME_RE.test(v))
      errors.push(
        `Value '${v}' at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`,
      );
    if (v.length < 3)
      errors.push(
        `Value '${v}' at '${field}' failed to satisfy constraint: Member must have length greater than or equal to 3`,
      );
    if (v.length > 255)
      errors.push(
        `Value '${v}' at '${field}' failed to satisfy constraint: Member must have length less than or equal to 255`,
      );
  }
  if (errors.length) {
    const shown = errors.slice(0, 10);
    throw validation(`${shown.length} validation error${shown.length > 1 ? 's' : ''} detected: ${shown.join('; ')}`);
  }
}

type Data = Record<string, unknown>;

export function checkExpressionParams(data: Data, expressions: string[], legacy: string[]): void {
  const exprs = expressions.filter((e) => data[e] !== undefined && data[e] !== null);
  if (exprs.length) {
    const nonExpr = legacy.filter(
      (e) =>
        data[e] !== undefined &&
        data[e] !== null &&
        !(e === 'KeyConditions' && data.KeyConditionExpression === undefined),
    );
    if (nonExpr.length) {
      throw validation(
        `Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {${nonExpr.join(', ')}} Expression parameters: {${exprs.join(', ')}}`,
      );
    }
  }
  if (data.ExpressionAttributeNames !== undefined && !exprs.length)
    throw validation('ExpressionAttributeNames can only be specified when using expressions');
  const valExprs = expressions.filter((e) => e !== 'ProjectionExpression');
  if (valExprs.length && data.ExpressionAttributeValues !== undefined && valExprs.every((e) => data[e] === undefined)) {
    throw validation(
      `ExpressionAttributeValues can only be specified when using expressions: ${valExprs.join(' and ')} ${valExprs.length > 1 ? 'are' : 'is'} null`,
    );
  }
}

export interface Parsed {
  condition?: Condition;
  keyCondition?: Condition;
  filter?: Condition;
  update?: UpdateAction[];
  projection?: Path[];
  ctx: ExprContext;
}

/** Parses every expression of the request with one shared context, then checks for unused names/values. */
export function parseExpressions(data: Data): Parsed {
  const names = data.ExpressionAttributeNames as Record<string, string> | undefined;
  const values = data.ExpressionAttributeValues as Record<string, AV> | undefined;
  if (names) {
    if (!Object.keys(names).length) throw validation('ExpressionAttributeNames must not be empty');
    for (const k of Object.keys(names))
      if (!/^#[0-9a-zA-Z_]+$/.test(k))
        throw validation(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${k}"`);
  }
  if (values) {
    if (!Object.keys(values).length) throw validation('ExpressionAttributeValues must not be empty');
    for (const k of Object.keys(values))
      if (!/^:[0-9a-zA-Z_]+$/.test(k))
        throw validation(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${k}"`);
    for (const [k, v] of Object.entries(values)) {
      const m = checkValue(v);
      if (m) throw validation(`ExpressionAttributeValues contains invalid value: ${m} for key ${k}`);
    }
  }
  const ctx = newContext(names, values);
  const out: Parsed = { ctx };
  const one = <T>(member: string, label: string, fn: (s: string, c: ExprContext) => T | string): T | undefined => {
    const src = data[member];
    if (typeof src !== 'string') return undefined;
    const r = fn(src, ctx);
    if (typeof r === 'string') throw validation(`Invalid ${label}: ${r}`);
    return r;
  };
  out.update = one('UpdateExpression', 'UpdateExpression', parseUpdate);
  out.condition = one('ConditionExpression', 'ConditionExpression', parseCondition);
  out.keyCondition = one('KeyConditionExpression', 'KeyConditionExpression', parseCondition);
  out.filter = one('FilterExpression', 'FilterExpression', parseCondition);
  out.projection = one('ProjectionExpression', 'ProjectionExpression', parseProjection);
  const unusedNames = Object.keys(names ?? {}).filter((k) => !ctx.usedNames.has(k));
  if (unusedNames.length)
    throw validation(
      `Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`,
    );
  const unusedValues = Object.keys(values ?? {}).filter((k) => !ctx.usedValues.has(k));
  if (unusedValues.length)
    throw validation(
      `Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`,
    );
  return out;
}

const attrType = (row: TableRow, name: string) =>
  row.spec.attributeDefinitions.find((a) => a.AttributeName === name)?.AttributeType ?? 'S';

function checkKeySize(v: AV, type: string, isHash: boolean, attr: string): void {
  if (type === 'N') return;
  const raw = (v as Record<string, unknown>)[type];
  const len = type === 'B' ? Buffer.from(raw as string, 'base64').length : Buffer.byteLength(raw as string);
  if (len === 0)
    throw validation(
      `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. Key: ${attr}`,
    );
  if (isHash && len > 2048)
    throw validation(
      'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes',
    );
  if (!isHash && len > 1024)
    throw validation(
      'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
    );
}

/** A Key member (GetItem, DeleteItem, UpdateItem): exactly the schema's attributes, of their types. */
export function checkKey(
  row: TableRow,
  key: Item,
  schema: KeyElement[] = row.spec.keySchema,
): { hk: string; rk: string } {
  for (const v of Object.values(key)) {
    const m = checkValue(v);
    if (m) throw validation(m);
  }
  if (Object.keys(key).length !== schema.length) throw validation('The provided key element does not match the schema');
  for (const [i, k] of schema.entries()) {
    const v = key[k.AttributeName];
    const t = attrType(row, k.AttributeName);
    if (!v || (v as Record<string, unknown>)[t] === undefined)
      throw validation('The provided key element does not match the schema');
    checkKeySize(v, t, i === 0, k.AttributeName);
  }
  const h = key[schema[0]!.AttributeName]!;
  const r = schema[1] ? key[schema[1].AttributeName]! : undefined;
  return { hk: encodeKey(h), rk: r ? encodeKey(r) : '' };
}

/** A whole item (PutItem): the key attributes present with the right types, index keys typed. */
export function checkItemKeys(row: TableRow, item: Item): void {
  for (const [i, k] of row.spec.keySchema.entries()) {
    const v = item[k.AttributeName];
    const t = attrType(row, k.AttributeName);
    if (!v)
      throw validation(`One or more parameter values were invalid: Missing the key ${k.AttributeName} in the item`);
    if ((v as Record<string, unknown>)[t] === undefined) {
      throw validation(
        `One or more parameter values were invalid: Type mismatch for key ${k.AttributeName} expected: ${t} actual: ${Object.keys(v)[0]}`,
      );
    }
    checkKeySize(v, t, i === 0, k.AttributeName);
  }
  for (const ix of [...row.spec.lsis, ...row.spec.gsis]) {
    for (const k of ix.keySchema) {
      const v = item[k.AttributeName];
      const t = attrType(row, k.AttributeName);
      if (v && (v as Record<string, unknown>)[t] === undefined) {
        throw validation(
          `One or more parameter values were invalid: Type mismatch for Index Key ${k.AttributeName} Expected: ${t} Actual: ${Object.keys(v)[0]} IndexName: ${ix.name}`,
        );
      }
    }
  }
}

export const noReservedParse = parseExpressions;
