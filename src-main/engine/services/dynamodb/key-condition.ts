/**
 * A Query's key condition (expression or legacy KeyConditions) reduced to an equality on the hash
 * key and at most one range condition, with DynamoDB's messages for everything else.
 */
import { validation } from './errors';
import type { Condition, Operand } from './expressions/ast';
import type { KeyElement } from './state/tables';
import { encodeKey, typeOf, type AV } from './values';

export interface KeyRange {
  hashName: string;
  hash: AV;
  rangeName?: string;
  /** SQL bounds on the encoded range key. */
  lower?: { value: string; inclusive: boolean };
  upper?: { value: string; inclusive: boolean };
}

interface Part {
  name: string;
  op: string;
  values: AV[];
}

function flatten(c: Condition, out: Part[]): void {
  if (c.kind === 'and') {
    flatten(c.a, out);
    flatten(c.b, out);
    return;
  }
  if (c.kind === 'or' || c.kind === 'not')
    throw validation(`Invalid operator used in KeyConditionExpression: ${c.kind.toUpperCase()}`);
  if (c.kind === 'in') throw validation('Invalid operator used in KeyConditionExpression: IN');
  const pathOf = (o: Operand): string | undefined => {
    if (o.kind !== 'path') return undefined;
    if (o.path.length > 1) throw validation('KeyConditionExpressions cannot have conditions on nested attributes');
    return o.path[0] as string;
  };
  const valueOf = (o: Operand): AV => {
    if (o.kind !== 'value')
      throw validation('Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition');
    return o.value;
  };
  if (c.kind === 'compare') {
    if (c.op === '<>') throw validation('Invalid operator used in KeyConditionExpression: <>');
    let a = pathOf(c.a);
    let op: string = c.op;
    let v: Operand = c.b;
    if (a === undefined) {
      a = pathOf(c.b);
      if (a === undefined) throw validation('Invalid condition in KeyConditionExpression: No key attribute specified');
      v = c.a;
      op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[op] ?? op;
    }
    out.push({ name: a, op, values: [valueOf(v)] });
    return;
  }
  if (c.kind === 'between') {
    const a = pathOf(c.a);
    if (a === undefined)
      throw validation(
        'Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand',
      );
    out.push({ name: a, op: 'BETWEEN', values: [valueOf(c.lo), valueOf(c.hi)] });
    return;
  }
  if (c.kind === 'function') {
    if (c.name !== 'begins_with') throw validation(`Invalid operator used in KeyConditionExpression: ${c.name}`);
    const a = pathOf(c.args[0]!);
    if (a === undefined)
      throw validation(
        'Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand',
      );
    out.push({ name: a, op: 'BEGINS_WITH', values: [valueOf(c.args[1]!)] });
  }
}

export function keyRange(cond: Condition, schema: KeyElement[], types: (name: string) => string): KeyRange {
  const parts: Part[] = [];
  flatten(cond, parts);
  const seen = new Set<string>();
  for (const p of parts) {
    if (seen.has(p.name)) throw validation('KeyConditionExpressions must only contain one condition per key');
    seen.add(p.name);
  }
  const hashName = schema[0]!.AttributeName;
  const rangeName = schema[1]?.AttributeName;
  const hash = parts.find((p) => p.name === hashName);
  if (parts.length > 2) throw validation('Conditions can be of length 1 or 2 only');
  if (!hash) throw validation(`Query condition missed key schema element: ${hashName}`);
  if (hash.op !== '=') throw validation('Query key condition not supported');
  const range = parts.find((p) => p.name !== hashName);
  if (range && range.name !== rangeName)
    throw validation(`Query condition missed key schema element: ${rangeName ?? range.name}`);
  for (const p of parts) {
    const t = types(p.name);
    for (const v of p.values) {
      if (typeOf(v) !== t)
        throw validation(
          'One or more parameter values were invalid: Condition parameter type does not match schema type',
        );
    }
  }
  const out: KeyRange = { hashName, hash: hash.values[0]!, rangeName };
  if (!range) return out;
  const [a, b] = range.values.map(encodeKey);
  switch (range.op) {
    case '=':
      out.lower = { value: a!, inclusive: true };
      out.upper = { value: a!, inclusive: true };
      break;
    case '<':
    case '<=':
      out.upper = { value: a!, inclusive: range.op === '<=' };
      break;
    case '>':
    case '>=':
      out.lower = { value: a!, inclusive: range.op === '>=' };
      break;
    case 'BETWEEN':
      if (a! > b!)
        throw validation(
          'Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {' +
            Object.keys(range.values[0]!)[0] +
            ':' +
            Object.values(range.values[0]!)[0] +
            '}, upper bound operand: AttributeValue: {' +
            Object.keys(range.values[1]!)[0] +
            ':' +
            Object.values(range.values[1]!)[0] +
            '}',
        );
      out.lower = { value: a!, inclusive: true };
      out.upper = { value: b!, inclusive: true };
      break;
    case 'BEGINS_WITH': {
      if (types(range.name) === 'N')
        throw validation(
          'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
        );
      out.lower = { value: a!, inclusive: true };
      // Text keys compare as UTF-8 bytes: U+10FFFF sorts after every continuation; binary keys are hex.
      out.upper = { value: a! + (types(range.name) === 'B' ? 'g' : '\u{10FFFF}'), inclusive: false };
      break;
    }
  }
  return out;
}
