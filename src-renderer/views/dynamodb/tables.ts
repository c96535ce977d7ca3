/**
 * The DynamoDB pages' pure parts: the Create table form → CreateTable's input, items between
 * DynamoDB JSON (`{"S": "x"}`) and plain JSON, an item's key, and the Query/Scan inputs the items
 * explorer sends.
 */

export type ScalarType = 'S' | 'N' | 'B';
export interface KeyAttr {
  name: string;
  type: ScalarType;
}
export interface IndexForm {
  name: string;
  pk: KeyAttr;
  sk?: KeyAttr;
  projection: 'ALL' | 'KEYS_ONLY';
}
export interface TableForm {
  name: string;
  pk: KeyAttr;
  /** Sort key; empty name for none. */
  sk: KeyAttr;
  billing: 'PROVISIONED' | 'PAY_PER_REQUEST';
  rcu: number;
  wcu: number;
  gsis: IndexForm[];
}

export const defaultTableForm = (): TableForm => ({
  name: '',
  pk: { name: '', type: 'S' },
  sk: { name: '', type: 'S' },
  billing: 'PROVISIONED',
  rcu: 5,
  wcu: 5,
  gsis: [],
});

const NAME = /^[A-Za-z0-9_.-]{3,255}$/;

export function tableFormErrors(f: TableForm): string[] {
  const errors: string[] = [];
  if (!NAME.test(f.name)) errors.push('A table name has 3 to 255 characters: letters, numbers, underscores, hyphens and dots.');
  if (!f.pk.name) errors.push('Enter a partition key.');
  if (f.billing === 'PROVISIONED' && !(f.rcu >= 1 && f.wcu >= 1)) errors.push('Read and write capacity units must be at least 1.');
  const types = new Map<string, ScalarType>();
  const keys = [f.pk, f.sk, ...f.gsis.flatMap((g) => [g.pk, g.sk])].filter((k): k is KeyAttr => !!k?.name);
  for (const k of keys) {
    if (types.has(k.name) && types.get(k.name) !== k.type) errors.push(`Attribute ${k.name} has two types.`);
    types.set(k.name, k.type);
  }
  for (const g of f.gsis) {
    if (!NAME.test(g.name)) errors.push('An index name has 3 to 255 characters: letters, numbers, underscores, hyphens and dots.');
    if (!g.pk.name) errors.push(`Index ${g.name || '(unnamed)'} needs a partition key.`);
  }
  return errors;
}

const keySchema = (pk: KeyAttr, sk?: KeyAttr) => [
  { AttributeName: pk.name, KeyType: 'HASH' },
  ...(sk?.name ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : []),
];

export function createTableInput(f: TableForm): Record<string, unknown> {
  const defs = new Map<string, ScalarType>();
  for (const k of [f.pk, f.sk, ...f.gsis.flatMap((g) => [g.pk, g.sk])]) if (k?.name) defs.set(k.name, k.type);
  const provisioned = f.billing === 'PROVISIONED';
  const throughput = { ReadCapacityUnits: f.rcu, WriteCapacityUnits: f.wcu };
  return {
    TableName: f.name,
    AttributeDefinitions: [...defs].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keySchema(f.pk, f.sk),
    BillingMode: f.billing,
    ...(provisioned ? { ProvisionedThroughput: throughput } : {}),
    ...(f.gsis.length
      ? {
          GlobalSecondaryIndexes: f.gsis.map((g) => ({
            IndexName: g.name,
            KeySchema: keySchema(g.pk, g.sk),
            Projection: { ProjectionType: g.projection },
            ...(provisioned ? { ProvisionedThroughput: throughput } : {}),
          })),
        }
      : {}),
  };
}

// ---- items: DynamoDB JSON ↔ plain JSON ----

export type AttributeValue = Record<string, unknown>;
export type Item = Record<string, AttributeValue>;

/** One attribute value as plain JSON (sets become arrays, binaries base64 text, numbers numbers). */
export function plainValue(v: AttributeValue): unknown {
  const [type, x] = Object.entries(v)[0] ?? ['NULL', true];
  switch (type) {
    case 'N':
      return Number(x);
    case 'NS':
      return (x as string[]).map(Number);
    case 'NULL':
      return null;
    case 'M':
      return toPlain(x as Item);
    case 'L':
      return (x as AttributeValue[]).map(plainValue);
    default:
      return x;
  }
}

export const toPlain = (item: Item): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).map(([k, v]) => [k, plainValue(v)]));

/** A plain JSON value as DynamoDB JSON (arrays are lists, objects maps: plain JSON has no sets). */
export function dynamoValue(v: unknown): AttributeValue {
  if (v === null) return { NULL: true };
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'number') return { N: String(v) };
  if (typeof v === 'boolean') return { BOOL: v };
  if (Array.isArray(v)) return { L: v.map(dynamoValue) };
  if (typeof v === 'object') return { M: fromPlain(v as Record<string, unknown>) };
  throw new Error(`Cannot store ${typeof v} values.`);
}

export const fromPlain = (obj: Record<string, unknown>): Item =>
  Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, dynamoValue(v)]));

const TYPES = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);

/** The editor's text as an item; throws a message for the learner when it is not one. */
export function parseItem(text: string, mode: 'dynamodb' | 'plain'): Item {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`The item is not valid JSON: ${(e as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('An item is a JSON object of attributes.');
  if (mode === 'plain') return fromPlain(doc as Record<string, unknown>);
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
    const keys = v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
    if (keys.length !== 1 || !TYPES.has(keys[0]!)) throw new Error(`Attribute ${k} is not DynamoDB JSON (like {"S": "text"}).`);
  }
  return doc as Item;
}

export const itemText = (item: Item, mode: 'dynamodb' | 'plain'): string =>
  JSON.stringify(mode === 'plain' ? toPlain(item) : item, null, 2);

export interface KeySchemaElement {
  AttributeName: string;
  KeyType: string;
}

export const keyOf = (item: Item, schema: KeySchemaElement[]): Item =>
  Object.fromEntries(schema.map((k) => [k.AttributeName, item[k.AttributeName]!]));

/** A cell of the items table: scalars as they are, everything else as compact plain JSON. */
export function cellText(v: AttributeValue | undefined): string {
  if (!v) return '';
  const plain = plainValue(v);
  return typeof plain === 'string' || typeof plain === 'number' ? String(plain) : JSON.stringify(plain);
}

/** Every attribute name of a page of items, key attributes first. */
export function columnsOf(items: Item[], schema: KeySchemaElement[]): string[] {
  const keys = schema.map((k) => k.AttributeName);
  const rest = new Set<string>();
  for (const it of items) for (const k of Object.keys(it)) if (!keys.includes(k)) rest.add(k);
  return [...keys, ...[...rest].sort()];
}

export interface QueryForm {
  mode: 'scan' | 'query';
  /** '' for the table itself. */
  index: string;
  pkValue: string;
  skOp: '' | '=' | '<' | '<=' | '>' | '>=' | 'begins_with' | 'between';
  skValue: string;
  skValue2: string;
  limit: number;
}

export const defaultQueryForm = (): QueryForm => ({ mode: 'scan', index: '', pkValue: '', skOp: '', skValue: '', skValue2: '', limit: 50 });

/** Query's or Scan's input for the explorer; `types` gives each key attribute's type. */
export function readInput(
  table: string,
  f: QueryForm,
  schema: KeySchemaElement[],
  types: Record<string, string>,
  start?: Item,
): Record<string, unknown> {
  const base = {
    TableName: table,
    ...(f.index ? { IndexName: f.index } : {}),
    Limit: f.limit,
    ...(start ? { ExclusiveStartKey: start } : {}),
  };
  if (f.mode === 'scan') return base;
  const pk = schema.find((k) => k.KeyType === 'HASH')!.AttributeName;
  const sk = schema.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  const value = (name: string, text: string) => ({ [types[name] ?? 'S']: text });
  const names: Record<string, string> = { '#pk': pk };
  const values: Record<string, AttributeValue> = { ':pk': value(pk, f.pkValue) };
  let cond = '#pk = :pk';
  if (sk && f.skOp) {
    names['#sk'] = sk;
    values[':sk'] = value(sk, f.skValue);
    if (f.skOp === 'begins_with') cond += ' AND begins_with(#sk, :sk)';
    else if (f.skOp === 'between') {
      values[':sk2'] = value(sk, f.skValue2);
      cond += ' AND #sk BETWEEN :sk AND :sk2';
    } else cond += ` AND #sk ${f.skOp} :sk`;
  }
  return { ...base, KeyConditionExpression: cond, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}
