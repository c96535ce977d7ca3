/**
 * Evaluation of intrinsic functions and pseudo parameters over a parsed template value. Resources
 * are looked up through the environment, so the same evaluator serves the pre-flight check
 * (placeholders for resources not created yet) and the real run.
 */
import { templateError, validationError } from '../errors';
import { isObject, type Json } from './parse';

/** `Ref: AWS::NoValue`: removes the enclosing property or list item. */
export const NO_VALUE = Symbol('AWS::NoValue');
export type Value = Json | typeof NO_VALUE;

export interface ResourceView {
  ref: string;
  attribute(name: string): Json | undefined;
}

export interface EvalEnv {
  /** Template parameters and pseudo parameters (AWS::Region, ...). */
  params: ReadonlyMap<string, string | string[]>;
  conditions: ReadonlyMap<string, boolean>;
  mappings: Record<string, Json>;
  resource(logicalId: string): ResourceView | undefined;
  azs(region: string): string[];
  importValue(name: string): string | undefined;
  region: string;
}

export const INTRINSICS = new Set([
  'Ref', 'Condition', 'Fn::Sub', 'Fn::GetAtt', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::FindInMap', 'Fn::GetAZs',
  'Fn::Base64', 'Fn::If', 'Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::ImportValue', 'Fn::Cidr', 'Fn::Transform',
  'Fn::Length', 'Fn::ToJsonString',
]);

/** The one intrinsic an object is, when it is exactly `{ Fn::X: args }`. */
export function intrinsicOf(v: Json): [string, Json] | undefined {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1 || !INTRINSICS.has(keys[0]!)) return undefined;
  return [keys[0]!, v[keys[0]!]!];
}

const str = (v: Value): string => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw templateError('every value of the list must be a string');
};

/** `${Name}`, `${Res.Attr}` and the `${!Literal}` escape of Fn::Sub. */
const SUB_VAR = /\$\{([^}]*)\}/g;

export function subVariables(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SUB_VAR)) if (!m[1]!.startsWith('!')) out.push(m[1]!.trim());
  return out;
}

export function evaluate(value: Json, env: EvalEnv): Value {
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (const item of value) {
      const v = evaluate(item, env);
      if (v !== NO_VALUE) out.push(v);
    }
    return out;
  }
  if (!isObject(value)) return value;
  const fn = intrinsicOf(value);
  if (fn) return call(fn[0], fn[1], env);
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    const r = evaluate(v, env);
    if (r !== NO_VALUE) out[k] = r;
  }
  return out;
}

function ref(name: string, env: EvalEnv): Value {
  if (name === 'AWS::NoValue') return NO_VALUE;
  const p = env.params.get(name);
  if (p !== undefined) return p;
  const r = env.resource(name);
  if (r) return r.ref;
  throw templateError(`Unresolved resource dependencies [${name}] in the Resources block of the template`);
}

function getAtt(args: Json, env: EvalEnv): Json {
  let parts: Json[];
  if (typeof args === 'string') {
    const dot = args.indexOf('.');
    parts = [args.slice(0, dot), args.slice(dot + 1)];
  } else if (Array.isArray(args) && args.length === 2) parts = args;
  else throw templateError('every Fn::GetAtt object requires two non-empty parameters.');
  const [logicalId, attrRaw] = parts;
  const attr = typeof attrRaw === 'string' ? attrRaw : str(evaluate(attrRaw!, env));
  const r = env.resource(String(logicalId));
  if (!r) throw templateError(`instance of Fn::GetAtt references undefined resource ${String(logicalId)}`);
  const v = r.attribute(attr);
  if (v === undefined) throw templateError(`resource ${String(logicalId)} does not support attribute type ${attr} in Fn::GetAtt`);
  return v;
}

function sub(args: Json, env: EvalEnv): string {
  let text: Json;
  let vars: Record<string, Json> = {};
  if (typeof args === 'string') text = args;
  else if (Array.isArray(args) && args.length === 2 && typeof args[0] === 'string' && isObject(args[1])) {
    text = args[0];
    vars = args[1];
  } else throw templateError('One or more Fn::Sub intrinsic functions don\'t specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string');
  return (text as string).replace(SUB_VAR, (_all, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    const name = inner.trim();
    if (name in vars) return str(evaluate(vars[name]!, env));
    if (env.params.has(name)) {
      const p = env.params.get(name)!;
      return Array.isArray(p) ? p.join(',') : p;
    }
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::')) return str(getAtt([name.slice(0, dot), name.slice(dot + 1)], env));
    const r = env.resource(name);
    if (r) return r.ref;
    throw templateError(`Unresolved resource dependencies [${name}] in the Resources block of the template`);
  });
}

function list(v: Value, fn: string): Json[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return v.split(',');
  throw templateError(`${fn} requires a list of values`);
}

function condition(v: Json, env: EvalEnv): boolean {
  if (isObject(v) && 'Condition' in v && Object.keys(v).length === 1) {
    const name = String(v.Condition);
    const c = env.conditions.get(name);
    if (c === undefined) throw templateError(`Unresolved condition dependencies [${name}] in the Conditions block of the template`);
    return c;
  }
  const r = evaluate(v, env);
  if (r === true || r === 'true') return true;
  if (r === false || r === 'false') return false;
  throw templateError('Fn::And, Fn::Or and Fn::Not only accept conditions');
}

/** The CIDR blocks of Fn::Cidr: `count` subnets with `bits` host bits each, carved from `block`. */
export function cidrs(block: string, count: number, bits: number): string[] {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(block);
  if (!m) throw templateError(`Fn::Cidr: ${block} is not a valid CIDR block`);
  const base = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  const prefix = Number(m[5]);
  const newPrefix = 32 - bits;
  if (newPrefix < prefix || count < 1 || count > 256) throw templateError('Fn::Cidr: the block is too small for the requested subnets');
  if (count > 2 ** (newPrefix - prefix)) throw templateError('Fn::Cidr: the block is too small for the requested subnets');
  const size = 2 ** bits;
  const start = prefix === 0 ? 0 : (base & ((0xffffffff << (32 - prefix)) >>> 0)) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = start + i * size;
    out.push(`${(a >>> 24) & 255}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${newPrefix}`);
  }
  return out;
}

function call(fn: string, args: Json, env: EvalEnv): Value {
  switch (fn) {
    case 'Ref':
      return ref(str(typeof args === 'string' ? args : evaluate(args, env)), env);
    case 'Condition':
      return condition({ Condition: args }, env);
    case 'Fn::GetAtt':
      return getAtt(args, env);
    case 'Fn::Sub':
      return sub(args, env);
    case 'Fn::Join': {
      if (!Array.isArray(args) || args.length !== 2) throw templateError('every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.');
      const items = list(evaluate(args[1]!, env), 'Fn::Join');
      return items.map((i) => str(i)).join(str(args[0]!));
    }
    case 'Fn::Select': {
      if (!Array.isArray(args) || args.length !== 2) throw templateError('Fn::Select requires a list argument with two elements: an integer index and a list');
      const index = Number(str(evaluate(args[0]!, env)));
      const items = list(evaluate(args[1]!, env), 'Fn::Select');
      if (!Number.isInteger(index) || index < 0 || index >= items.length) {
        throw templateError(`Fn::Select cannot select nonexistent value at index ${index}`);
      }
      return items[index]!;
    }
    case 'Fn::Split': {
      if (!Array.isArray(args) || args.length !== 2) throw templateError('Fn::Split requires a list argument with two elements: a delimiter and a source string');
      return str(evaluate(args[1]!, env)).split(str(args[0]!));
    }
    case 'Fn::FindInMap': {
      if (!Array.isArray(args) || args.length < 3) throw templateError('Fn::FindInMap requires a list argument with three elements');
      const [m, k1, k2] = args.slice(0, 3).map((a) => str(evaluate(a, env)));
      const top = env.mappings[m!];
      const second = isObject(top) ? top[k1!] : undefined;
      const v = isObject(second) ? second[k2!] : undefined;
      if (v === undefined) {
        const dflt = isObject(args[3]) ? args[3].DefaultValue : undefined;
        if (dflt !== undefined) return evaluate(dflt, env);
        throw templateError(`Unable to get mapping for ${m}::${k1}::${k2}`);
      }
      return v;
    }
    case 'Fn::GetAZs': {
      const region = str(evaluate(args, env)) || env.region;
      return env.azs(region);
    }
    case 'Fn::Base64':
      return Buffer.from(str(evaluate(args, env)), 'utf8').toString('base64');
    case 'Fn::If': {
      if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string') throw templateError('Fn::If requires a list argument with three elements');
      const c = env.conditions.get(args[0]);
      if (c === undefined) throw templateError(`Unresolved condition dependencies [${args[0]}] in the Resources block of the template`);
      return evaluate(c ? args[1]! : args[2]!, env);
    }
    case 'Fn::Equals': {
      if (!Array.isArray(args) || args.length !== 2) throw templateError('Fn::Equals requires a list argument with two elements');
      const [a, b] = args.map((x) => evaluate(x, env));
      return JSON.stringify(typeof a === 'number' || typeof a === 'boolean' ? String(a) : a) ===
        JSON.stringify(typeof b === 'number' || typeof b === 'boolean' ? String(b) : b);
    }
    case 'Fn::And':
    case 'Fn::Or': {
      if (!Array.isArray(args) || args.length < 2 || args.length > 10) throw templateError(`${fn} requires a list argument with between 2 and 10 conditions`);
      const values = args.map((a) => condition(a, env));
      return fn === 'Fn::And' ? values.every(Boolean) : values.some(Boolean);
    }
    case 'Fn::Not': {
      if (!Array.isArray(args) || args.length !== 1) throw templateError('Fn::Not requires a list argument with one condition');
      return !condition(args[0]!, env);
    }
    case 'Fn::ImportValue': {
      const name = str(evaluate(args, env));
      const v = env.importValue(name);
      if (v === undefined) throw validationError(`No export named ${name} found.`);
      return v;
    }
    case 'Fn::Cidr': {
      if (!Array.isArray(args) || args.length !== 3) throw templateError('Fn::Cidr requires a list argument with three elements');
      const [block, count, bits] = args.map((a) => str(evaluate(a, env)));
      return cidrs(block!, Number(count), Number(bits));
    }
    case 'Fn::Length':
      return list(evaluate(args, env), fn).length;
    case 'Fn::ToJsonString':
      return JSON.stringify(evaluate(args, env));
    default:
      throw templateError(`Encountered unsupported function: ${fn}`);
  }
}

/** Every name a value references: Ref targets, GetAtt resources (with attributes) and Sub variables. */
export interface References {
  refs: Set<string>;
  getAtts: [string, string][];
  conditions: Set<string>;
  imports: Json[];
}

export function collectReferences(value: Json, into: References = { refs: new Set(), getAtts: [], conditions: new Set(), imports: [] }): References {
  if (Array.isArray(value)) {
    for (const v of value) collectReferences(v, into);
    return into;
  }
  if (!isObject(value)) return into;
  const fn = intrinsicOf(value);
  if (fn) {
    const [name, args] = fn;
    if (name === 'Ref' && typeof args === 'string') into.refs.add(args);
    else if (name === 'Fn::GetAtt') {
      const parts = typeof args === 'string' ? [args.slice(0, args.indexOf('.')), args.slice(args.indexOf('.') + 1)] : args;
      if (Array.isArray(parts) && typeof parts[0] === 'string') into.getAtts.push([parts[0], typeof parts[1] === 'string' ? parts[1] : '']);
      if (Array.isArray(parts) && parts[1] !== undefined && typeof parts[1] !== 'string') collectReferences(parts[1], into);
      return into;
    } else if (name === 'Fn::Sub') {
      const text = typeof args === 'string' ? args : Array.isArray(args) ? args[0] : undefined;
      const vars = Array.isArray(args) && isObject(args[1]) ? args[1] : {};
      if (typeof text === 'string') {
        for (const v of subVariables(text)) {
          if (v in vars) continue;
          const dot = v.indexOf('.');
          if (dot > 0 && !v.startsWith('AWS::')) into.getAtts.push([v.slice(0, dot), v.slice(dot + 1)]);
          else into.refs.add(v);
        }
      }
      collectReferences(vars, into);
      return into;
    } else if (name === 'Fn::If' && Array.isArray(args) && typeof args[0] === 'string') {
      into.conditions.add(args[0]);
      collectReferences(args.slice(1), into);
      return into;
    } else if (name === 'Condition' && typeof args === 'string') into.conditions.add(args);
    else if (name === 'Fn::ImportValue') into.imports.push(args);
    collectReferences(args, into);
    return into;
  }
  for (const v of Object.values(value)) collectReferences(v, into);
  return into;
}
