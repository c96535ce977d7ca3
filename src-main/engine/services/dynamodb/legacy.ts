/**
 * The legacy condition parameters (Expected, QueryFilter, ScanFilter, KeyConditions) as the same
 * condition trees the expression parser builds, so one evaluator serves both.
 */
import { validation } from './errors';
import type { Condition, Operand } from './expressions/ast';
import { typeOf, type AV } from './values';

interface LegacyCondition {
  ComparisonOperator?: string;
  AttributeValueList?: AV[];
  Value?: AV;
  Exists?: boolean;
}

const ARGS: Record<string, number> = {
  EQ: 1,
  NE: 1,
  LE: 1,
  LT: 1,
  GE: 1,
  GT: 1,
  NOT_NULL: 0,
  NULL: 0,
  CONTAINS: 1,
  NOT_CONTAINS: 1,
  BEGINS_WITH: 1,
  BETWEEN: 2,
};

function one(attr: string, c: LegacyCondition): Condition {
  const path: Operand = { kind: 'path', path: [attr] };
  const v = (x: AV): Operand => ({ kind: 'value', name: '', value: x });
  if (c.ComparisonOperator === undefined) {
    // Expected's short form: Exists / Value.
    if (c.Exists === false) {
      if (c.Value)
        throw validation(
          `One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: ${attr}`,
        );
      return { kind: 'function', name: 'attribute_not_exists', args: [path] };
    }
    if (!c.Value)
      throw validation(
        `One or more parameter values were invalid: Value must be provided when Exists is ${c.Exists === undefined ? 'null' : c.Exists} for Attribute: ${attr}`,
      );
    return { kind: 'compare', op: '=', a: path, b: v(c.Value) };
  }
  const op = c.ComparisonOperator;
  const list = c.AttributeValueList ?? (c.Value ? [c.Value] : []);
  const n = ARGS[op];
  if ((n !== undefined && list.length !== n) || (op === 'IN' && list.length === 0)) {
    throw validation(
      `One or more parameter values were invalid: Invalid number of argument(s) for the ${op} ComparisonOperator`,
    );
  }
  if (op === 'BETWEEN' && typeOf(list[0]!) !== typeOf(list[1]!))
    throw validation(
      'One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type',
    );
  const cmp: Record<string, '=' | '<>' | '<' | '<=' | '>' | '>='> = {
    EQ: '=',
    NE: '<>',
    LT: '<',
    LE: '<=',
    GT: '>',
    GE: '>=',
  };
  if (cmp[op]) return { kind: 'compare', op: cmp[op], a: path, b: v(list[0]!) };
  switch (op) {
    case 'NULL':
      return { kind: 'function', name: 'attribute_not_exists', args: [path] };
    case 'NOT_NULL':
      return { kind: 'function', name: 'attribute_exists', args: [path] };
    case 'CONTAINS':
      return { kind: 'function', name: 'contains', args: [path, v(list[0]!)] };
    case 'NOT_CONTAINS':
      return {
        kind: 'and',
        a: { kind: 'function', name: 'attribute_exists', args: [path] },
        b: { kind: 'not', a: { kind: 'function', name: 'contains', args: [path, v(list[0]!)] } },
      };
    case 'BEGINS_WITH':
      return { kind: 'function', name: 'begins_with', args: [path, v(list[0]!)] };
    case 'IN':
      return { kind: 'in', a: path, list: list.map(v) };
    case 'BETWEEN':
      return { kind: 'between', a: path, lo: v(list[0]!), hi: v(list[1]!) };
  }
  throw validation(
    `1 validation error detected: Value '${op}' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]`,
  );
}

export function legacyCondition(
  conds: Record<string, LegacyCondition> | undefined,
  operator: unknown,
): Condition | undefined {
  if (!conds) return undefined;
  const parts = Object.entries(conds).map(([k, c]) => one(k, c));
  if (!parts.length) return undefined;
  const kind = operator === 'OR' ? 'or' : 'and';
  return parts.reduce((a, b) => ({ kind, a, b }));
}
