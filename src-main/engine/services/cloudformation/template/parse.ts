/**
 * Template text → a plain JSON value. JSON when the body starts with `{`, YAML otherwise, with the
 * short forms of the intrinsic functions (`!Ref`, `!GetAtt A.B`, `!Sub`, ...) expanded to their long
 * `Fn::` forms so the rest of the engine sees one shape. YAML 1.2's core schema keeps `yes`/`no`
 * and dates as strings, the way CloudFormation reads them.
 */
import YAML, { type CollectionTag, type ScalarTag } from 'yaml';
import { AwsError } from '../../../protocol/errors';
import { jsonTextDepth } from '../../../protocol/json';
import { templateFormatError } from '../errors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const SHORT_FORMS: [string, string][] = [
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ['!Sub', 'Fn::Sub'],
  ['!GetAtt', 'Fn::GetAtt'],
  ['!Join', 'Fn::Join'],
  ['!Select', 'Fn::Select'],
  ['!Split', 'Fn::Split'],
  ['!FindInMap', 'Fn::FindInMap'],
  ['!GetAZs', 'Fn::GetAZs'],
  ['!Base64', 'Fn::Base64'],
  ['!If', 'Fn::If'],
  ['!Equals', 'Fn::Equals'],
  ['!And', 'Fn::And'],
  ['!Or', 'Fn::Or'],
  ['!Not', 'Fn::Not'],
  ['!ImportValue', 'Fn::ImportValue'],
  ['!Cidr', 'Fn::Cidr'],
  ['!Transform', 'Fn::Transform'],
];

function scalarValue(fn: string, text: string): Json {
  // `!GetAtt Res.Attr.Sub` names the resource before the first dot; the rest is the attribute.
  if (fn === 'Fn::GetAtt') {
    const dot = text.indexOf('.');
    return { [fn]: dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)] };
  }
  return { [fn]: text };
}

const customTags: (ScalarTag | CollectionTag)[] = SHORT_FORMS.flatMap(([tag, fn]): (ScalarTag | CollectionTag)[] => [
  { tag, resolve: (text: string) => scalarValue(fn, text) } as ScalarTag,
  { tag, collection: 'seq', resolve: (c) => ({ [fn]: (c as YAML.YAMLSeq).toJSON() as Json }) } as CollectionTag,
  { tag, collection: 'map', resolve: (c) => ({ [fn]: (c as YAML.YAMLMap).toJSON() as Json }) } as CollectionTag,
]);

function lineColumn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { line, col };
}

/** Deeper than any template nests; refused before intrinsics and validation recurse over it. */
const MAX_TEMPLATE_DEPTH = 100;
const tooDeep = () => templateFormatError(`the template nests deeper than ${MAX_TEMPLATE_DEPTH} levels.`);

/** True when a parsed value nests deeper than `max` (walked with an explicit stack, never recursion). */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return false;
}

function parseJson(body: string): Json {
  if (jsonTextDepth(body, MAX_TEMPLATE_DEPTH) > MAX_TEMPLATE_DEPTH) throw tooDeep();
  try {
    return JSON.parse(body) as Json;
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const { line, col } = lineColumn(body, m ? Number(m[1]) : body.length);
    throw templateFormatError(`JSON not well-formed. (line ${line}, column ${col})`);
  }
}

function parseYaml(body: string): Json {
  let value: Json;
  try {
    const doc = YAML.parseDocument(body, { customTags, schema: 'core', uniqueKeys: true, prettyErrors: true });
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0];
      throw templateFormatError(`YAML not well-formed. (line ${pos?.line ?? 1}, column ${pos?.col ?? 1})`);
    }
    value = doc.toJS({ maxAliasCount: 100 }) as Json;
  } catch (e) {
    if (e instanceof AwsError) throw e;
    // yaml refuses alias bombs ("Excessive alias count") and may overflow the stack on absurd nesting.
    if (e instanceof RangeError) throw tooDeep();
    throw templateFormatError(`YAML not well-formed: ${(e as Error).message.split('\n')[0]}`);
  }
  if (deeperThan(value, MAX_TEMPLATE_DEPTH)) throw tooDeep();
  return value;
}

/** Parses a template body; a body that is not an object is a format error like any other. */
export function parseTemplate(body: string): JsonObject {
  const trimmed = body.trimStart();
  const value = trimmed.startsWith('{') ? parseJson(body) : parseYaml(body);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw templateFormatError('unsupported structure.');
  }
  return value;
}

export const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
