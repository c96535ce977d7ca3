/** The parsed forms of DynamoDB expressions. */
import type { AV } from '../values';

/** A document path: attribute names and list indexes (`a.b[2].c`). */
export type Path = (string | number)[];

export type Operand =
  | { kind: 'path'; path: Path }
  | { kind: 'value'; name: string; value: AV }
  | { kind: 'size'; path: Path }
  | { kind: 'if_not_exists'; path: Path; fallback: Operand }
  | { kind: 'list_append'; a: Operand; b: Operand }
  | { kind: 'arith'; op: '+' | '-'; a: Operand; b: Operand };

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { kind: 'and' | 'or'; a: Condition; b: Condition }
  | { kind: 'not'; a: Condition }
  | { kind: 'compare'; op: Comparator; a: Operand; b: Operand }
  | { kind: 'between'; a: Operand; lo: Operand; hi: Operand }
  | { kind: 'in'; a: Operand; list: Operand[] }
  | {
      kind: 'function';
      name: 'attribute_exists' | 'attribute_not_exists' | 'attribute_type' | 'begins_with' | 'contains';
      args: Operand[];
    };

export interface UpdateAction {
  kind: 'SET' | 'REMOVE' | 'ADD' | 'DELETE';
  path: Path;
  value?: Operand;
}

export const pathText = (p: Path): string =>
  p.map((x, i) => (typeof x === 'number' ? `[${x}]` : i === 0 ? x : `.${x}`)).join('');
