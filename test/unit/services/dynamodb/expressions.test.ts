import { describe, expect, it } from 'vitest';
import {
  newContext,
  parseCondition,
  parseProjection,
  parseUpdate,
} from '../../../../src-main/engine/services/dynamodb/expressions/parser';
import {
  applyUpdate,
  evalCondition,
  project,
} from '../../../../src-main/engine/services/dynamodb/expressions/evaluate';
import type { AV, Item } from '../../../../src-main/engine/services/dynamodb/values';
import { encodeKey } from '../../../../src-main/engine/services/dynamodb/values';

const item: Item = {
  id: { S: 'a1' },
  n: { N: '5' },
  tags: { SS: ['red', 'blue'] },
  lst: { L: [{ S: 'x' }, { N: '2' }] },
  m: { M: { deep: { M: { v: { N: '10' } } }, 'odd name': { S: 'y' } } },
  flag: { BOOL: true },
};

function cond(src: string, values: Record<string, AV> = {}, names: Record<string, string> = {}): boolean {
  const c = parseCondition(src, newContext(names, values));
  if (typeof c === 'string') throw new Error(c);
  return evalCondition(item, c);
}

describe('expression parser and evaluator', () => {
  it('evaluates comparators, functions, precedence and nested paths', () => {
    expect(cond('n > :a AND n <= :b', { ':a': { N: '4.99' }, ':b': { N: '5' } })).toBe(true);
    expect(cond('n BETWEEN :a AND :b', { ':a': { N: '1' }, ':b': { N: '4' } })).toBe(false);
    expect(cond('n IN (:a, :b)', { ':a': { N: '1' }, ':b': { N: '5.0' } })).toBe(true);
    expect(cond('contains(tags, :t) AND NOT contains(tags, :u)', { ':t': { S: 'red' }, ':u': { S: 'green' } })).toBe(
      true,
    );
    expect(cond('size(tags) = :two AND size(id) = :two', { ':two': { N: '2' } })).toBe(true);
    expect(cond('attribute_type(flag, :t)', { ':t': { S: 'BOOL' } })).toBe(true);
    expect(cond('begins_with(id, :p)', { ':p': { S: 'a' } })).toBe(true);
    expect(cond('#m.deep.v = :ten AND lst[1] = :two', { ':ten': { N: '10' }, ':two': { N: '2' } }, { '#m': 'm' })).toBe(
      true,
    );
    expect(cond('m.#o = :y', { ':y': { S: 'y' } }, { '#o': 'odd name' })).toBe(true);
    // AND binds tighter than OR; NOT tighter than AND.
    expect(
      cond('attribute_exists(nope) AND n = :five OR flag = :t', { ':five': { N: '5' }, ':t': { BOOL: true } }),
    ).toBe(true);
    expect(
      cond('(attribute_exists(nope) OR n = :five) AND NOT flag = :t', { ':five': { N: '5' }, ':t': { BOOL: true } }),
    ).toBe(false);
    expect(cond('n <> :s', { ':s': { S: '5' } })).toBe(true);
    expect(cond('n < :s', { ':s': { S: '9' } })).toBe(false);
  });

  it('reports errors in the service words', () => {
    const err = (src: string, values: Record<string, AV> = {}) => parseCondition(src, newContext({}, values));
    expect(err('a = :x AND')).toBe('Syntax error; token: "<EOF>", near: "AND"');
    expect(err('a == :x', { ':x': { S: 'x' } })).toBe('Syntax error; token: "=", near: "== :x"');
    expect(err('unknown_fn(a)')).toBe('Invalid function name; function: unknown_fn');
    expect(err('attribute_exists(a, b)')).toBe(
      'Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2',
    );
    expect(err('size(a)')).toBe('The function is not allowed to be used this way in an expression; function: size');
    expect(err('status = :x', { ':x': { S: 'x' } })).toBe(
      'Attribute name is a reserved keyword; reserved keyword: status',
    );
    expect(parseUpdate('SET a = :v, a.b = :v', newContext({}, { ':v': { S: 'x' } }))).toBe(
      'Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]',
    );
    expect(parseProjection('a, b[1].c', newContext())).toEqual([['a'], ['b', 1, 'c']]);
  });

  it('applies SET/REMOVE/ADD/DELETE in DynamoDB order', () => {
    const ctx = newContext(
      {},
      { ':one': { N: '1' }, ':l': { L: [{ S: 'z' }] }, ':rb': { SS: ['red'] }, ':g': { SS: ['green'] } },
    );
    const actions = parseUpdate(
      'SET n = n + :one, lst = list_append(lst, :l), m.deep.w = :one REMOVE flag DELETE tags :rb',
      ctx,
    );
    if (typeof actions === 'string') throw new Error(actions);
    const next = applyUpdate(item, actions);
    expect(next.n).toEqual({ N: '6' });
    expect(next.lst).toEqual({ L: [{ S: 'x' }, { N: '2' }, { S: 'z' }] });
    expect(next.m!.M!.deep!.M!.w).toEqual({ N: '1' });
    expect(next.flag).toBeUndefined();
    expect(next.tags).toEqual({ SS: ['blue'] });
    expect(item.n).toEqual({ N: '5' });
    expect(
      project(next, [
        ['m', 'deep', 'v'],
        ['lst', 1],
      ]),
    ).toEqual({ m: { M: { deep: { M: { v: { N: '10' } } } } }, lst: { L: [{ N: '2' }] } });
  });

  it('orders encoded number keys as numbers', () => {
    const nums = ['-1e10', '-100', '-2.5', '-2', '-0.001', '0', '0.001', '1', '1.5', '2', '10', '99.99', '100', '1e20'];
    const shuffled = [...nums].sort(() => 0.5 - Math.random());
    const sorted = shuffled
      .map((n) => ({ n, k: encodeKey({ N: n }) }))
      .sort((a, b) => Buffer.compare(Buffer.from(a.k), Buffer.from(b.k)))
      .map((x) => x.n);
    expect(sorted).toEqual(nums);
  });
});
