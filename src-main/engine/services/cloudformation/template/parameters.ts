/**
 * Parameter values: what the request gives, previous values on update, defaults, then the
 * declared constraints in CloudFormation's wording. AWS-specific types are checked against the
 * account by the caller (they need EC2 calls); SSM types are resolved by the caller too.
 */
import { validationError } from '../errors';
import type { CheckedTemplate } from './check';
import { evaluate, type EvalEnv } from './intrinsics';
import type { Json, JsonObject } from './parse';

export interface ParameterInput {
  ParameterKey?: string;
  ParameterValue?: string;
  UsePreviousValue?: boolean;
}

export interface ResolvedParameter {
  key: string;
  type: string;
  /** The value as given (for SSM types: the parameter name). */
  value: string;
  /** SSM types: the value read from the parameter store. */
  resolvedValue?: string;
  noEcho: boolean;
}

const scalar = (v: Json | undefined): string | undefined =>
  v === undefined || v === null ? undefined : Array.isArray(v) ? v.map(String).join(',') : String(v);

export function isListType(type: string): boolean {
  return type === 'CommaDelimitedList' || type.startsWith('List<') || /^AWS::SSM::Parameter::Value<(List<.*>|CommaDelimitedList)>$/.test(type);
}

function constraintError(name: string, decl: JsonObject, reason: string): never {
  const desc = decl.ConstraintDescription;
  throw validationError(typeof desc === 'string' ? `Parameter '${name}' failed to satisfy constraint: ${desc}` : `Parameter '${name}' ${reason}`);
}

function checkConstraints(name: string, decl: JsonObject, value: string): void {
  const type = String(decl.Type);
  const items = isListType(type) ? (value === '' ? [] : value.split(',').map((s) => (type === 'List<Number>' ? s.trim() : s))) : [value];
  const allowed = Array.isArray(decl.AllowedValues) ? decl.AllowedValues.map(String) : undefined;
  for (const item of items) {
    if (allowed && !allowed.includes(item)) constraintError(name, decl, 'must be one of AllowedValues');
    if (decl.AllowedPattern !== undefined) {
      const pattern = String(decl.AllowedPattern);
      if (!new RegExp(`^(?:${pattern})$`).test(item)) constraintError(name, decl, `must match pattern ${pattern}`);
    }
    if (type === 'Number' || type === 'List<Number>') {
      if (item.trim() === '' || !Number.isFinite(Number(item))) throw validationError(`Parameter '${name}' must be a number`);
      const n = Number(item);
      if (decl.MinValue !== undefined && n < Number(decl.MinValue)) constraintError(name, decl, `must be a number not less than ${scalar(decl.MinValue)}`);
      if (decl.MaxValue !== undefined && n > Number(decl.MaxValue)) constraintError(name, decl, `must be a number not greater than ${scalar(decl.MaxValue)}`);
    }
  }
  if (decl.MinLength !== undefined && value.length < Number(decl.MinLength)) constraintError(name, decl, `must contain at least ${scalar(decl.MinLength)} characters`);
  if (decl.MaxLength !== undefined && value.length > Number(decl.MaxLength)) constraintError(name, decl, `must contain at most ${scalar(decl.MaxLength)} characters`);
}

/** `previous`: the stack's current values, for UsePreviousValue (update and change sets only). */
export function resolveParameters(
  t: CheckedTemplate,
  inputs: ParameterInput[] | undefined,
  previous?: ReadonlyMap<string, string>,
): ResolvedParameter[] {
  const given = new Map<string, ParameterInput>();
  for (const p of inputs ?? []) if (p.ParameterKey !== undefined) given.set(p.ParameterKey, p);
  const extra = [...given.keys()].filter((k) => !t.parameters.has(k));
  if (extra.length) throw validationError(`Parameters: [${extra.join(', ')}] do not exist in the template`);
  const missing: string[] = [];
  const out: ResolvedParameter[] = [];
  for (const [name, decl] of t.parameters) {
    const input = given.get(name);
    let value: string | undefined;
    if (input?.UsePreviousValue) {
      if (input.ParameterValue !== undefined) {
        throw validationError(`Invalid input for parameter key ${name}. Cannot specify usePreviousValue as true and non empty value for a parameter`);
      }
      value = previous?.get(name);
      if (value === undefined) {
        throw validationError(`Invalid input for parameter key ${name}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`);
      }
    } else value = input?.ParameterValue ?? scalar(decl.Default);
    if (value === undefined) {
      missing.push(name);
      continue;
    }
    out.push({ key: name, type: String(decl.Type), value, noEcho: decl.NoEcho === true || decl.NoEcho === 'true' });
  }
  if (missing.length) throw validationError(`Parameters: [${missing.join(', ')}] must have values`);
  for (const p of out) checkConstraints(p.key, t.parameters.get(p.key)!, p.value);
  return out;
}

/** The value `Ref` gives for a parameter: lists become arrays. */
export function parameterRefValue(p: ResolvedParameter): string | string[] {
  const v = p.resolvedValue ?? p.value;
  return isListType(p.type) ? (v === '' ? [] : v.split(',').map((s) => (p.type.includes('Number') ? s.trim() : s))) : v;
}

/** Evaluates every condition once (conditions may name other conditions). */
export function evaluateConditions(t: CheckedTemplate, env: Omit<EvalEnv, 'conditions'>): Map<string, boolean> {
  const done = new Map<string, boolean>();
  const visiting = new Set<string>();
  const lazy: ReadonlyMap<string, boolean> = {
    get: (name: string) => resolve(name),
    has: (name: string) => t.conditions.has(name),
  } as unknown as ReadonlyMap<string, boolean>;
  const resolve = (name: string): boolean | undefined => {
    if (done.has(name)) return done.get(name);
    const body = t.conditions.get(name);
    if (body === undefined) return undefined;
    if (visiting.has(name)) throw validationError(`Template error: circular condition dependency on ${name}`);
    visiting.add(name);
    const v = evaluate(body, { ...env, conditions: lazy });
    visiting.delete(name);
    const b = v === true || v === 'true';
    done.set(name, b);
    return b;
  };
  for (const name of t.conditions.keys()) resolve(name);
  return done;
}
