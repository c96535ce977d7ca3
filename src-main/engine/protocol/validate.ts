/**
 * Model-driven input validation, in dynalite's order (types, then required, then constraints, up to 10)
 * and each protocol's wording: ec2 → MissingParameter/InvalidParameterValue, query → ValidationError,
 * json/rest-json → ValidationException, S3 → MalformedXML/InvalidRequest/InvalidArgument.
 * Per-structure member tables are computed once per shape and cached.
 */
import type { Readable } from 'node:stream';
import type { LoadedModel } from '../models/load';
import type { Shape } from '../models/types';
import { AwsError } from './errors';
import { queryMemberName } from './query';

const MAX_ERRORS = 10;

interface MemberInfo {
  name: string;
  /** Path segment in messages: the member name with a lower-case first letter. */
  pathName: string;
  shape: Shape;
  required: boolean;
}

const memberTables = new WeakMap<Shape, MemberInfo[]>();

function membersOf(shape: Shape): MemberInfo[] {
  let t = memberTables.get(shape);
  if (t) return t;
  const required = new Set(shape.required ?? []);
  t = Object.entries(shape.members ?? {}).map(([name, m]) => ({
    name,
    pathName: name[0]!.toLowerCase() + name.slice(1),
    shape: m,
    required: required.has(name),
  }));
  memberTables.set(shape, t);
  return t;
}

type Problem =
  | { kind: 'required'; path: string; member: MemberInfo; parentPath: string[] }
  | { kind: 'type'; path: string; value: unknown; expected: string; member?: MemberInfo }
  | { kind: 'constraint'; path: string; value: unknown; text: string; member?: MemberInfo };

const isReadable = (v: unknown): v is Readable => !!v && typeof (v as Readable).pipe === 'function';

function typeOk(shape: Shape, v: unknown): boolean {
  switch (shape.type) {
    case 'structure':
    case 'map':
      return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
    case 'list':
      return Array.isArray(v);
    case 'integer':
    case 'long':
      return typeof v === 'number' && Number.isInteger(v);
    case 'float':
    case 'double':
      return typeof v === 'number' && !Number.isNaN(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'timestamp':
      return (v instanceof Date && !Number.isNaN(v.getTime())) || typeof v === 'number';
    case 'blob':
      return v instanceof Uint8Array || typeof v === 'string' || isReadable(v) || (typeof v === 'object' && v !== null && Symbol.asyncIterator in v);
    default:
      return typeof v === 'string';
  }
}

const NUMERIC_TYPES = new Set(['integer', 'long', 'float', 'double']);

function describe(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(describe).join(', ')}]`;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && v !== null) return Buffer.isBuffer(v) ? `java.nio.HeapByteBuffer[pos=0 lim=${v.length} cap=${v.length}]` : '{...}';
  return String(v);
}

function check(shape: Shape, v: unknown, path: string, problems: Problem[], member?: MemberInfo): void {
  if (problems.length >= MAX_ERRORS) return;
  if (!typeOk(shape, v)) {
    problems.push({ kind: 'type', path, value: v, expected: shape.type ?? 'string', member });
    return;
  }
  const sensitive = !!shape.sensitive;
  const shown = (x: unknown) => (sensitive ? '***' : describe(x));
  if (shape.enum && typeof v === 'string' && !shape.enum.includes(v)) {
    problems.push({ kind: 'constraint', path, value: shown(v), text: `Member must satisfy enum value set: [${shape.enum.join(', ')}]`, member });
  }
  if (NUMERIC_TYPES.has(shape.type ?? '')) {
    const n = v as number;
    if (shape.min !== undefined && n < shape.min) problems.push({ kind: 'constraint', path, value: shown(v), text: `Member must have value greater than or equal to ${shape.min}`, member });
    if (shape.max !== undefined && n > shape.max) problems.push({ kind: 'constraint', path, value: shown(v), text: `Member must have value less than or equal to ${shape.max}`, member });
  } else if (shape.type === 'string' || shape.type === 'list' || shape.type === 'map' || (shape.type === 'blob' && v instanceof Uint8Array)) {
    const len =
      typeof v === 'string' ? v.length : Array.isArray(v) ? v.length : v instanceof Uint8Array ? v.length : Object.keys(v as object).length;
    if (shape.min !== undefined && len < shape.min) problems.push({ kind: 'constraint', path, value: shown(v), text: `Member must have length greater than or equal to ${shape.min}`, member });
    if (shape.max !== undefined && len > shape.max) problems.push({ kind: 'constraint', path, value: shown(v), text: `Member must have length less than or equal to ${shape.max}`, member });
  }
  switch (shape.type) {
    case 'structure': {
      const obj = v as Record<string, unknown>;
      for (const m of membersOf(shape)) {
        const mv = obj[m.name];
        const p = path ? `${path}.${m.pathName}` : m.pathName;
        if (mv === undefined || mv === null) {
          if (m.required) problems.push({ kind: 'required', path: p, member: m, parentPath: [] });
        } else check(m.shape, mv, p, problems, m);
        if (problems.length >= MAX_ERRORS) return;
      }
      break;
    }
    case 'list': {
      const arr = v as unknown[];
      for (let i = 0; i < arr.length && problems.length < MAX_ERRORS; i++) {
        if (arr[i] !== undefined && arr[i] !== null) check(shape.member!, arr[i], `${path}.${i + 1}.member`, problems);
      }
      break;
    }
    case 'map': {
      const entries = v instanceof Map ? [...v.entries()] : Object.entries(v as object);
      for (const [k, mv] of entries) {
        if (problems.length >= MAX_ERRORS) break;
        if (mv !== undefined && mv !== null) check(shape.value!, mv, `${path}.${String(k)}.member`, problems);
      }
      break;
    }
  }
}

function dynaliteMessage(problems: Problem[]): string {
  const parts = problems.map((p) => {
    if (p.kind === 'required') return `Value null at '${p.path}' failed to satisfy constraint: Member must not be null`;
    if (p.kind === 'type') return `Value '${describe(p.value)}' at '${p.path}' failed to satisfy constraint: Member must be of type ${p.expected}`;
    return `Value '${p.value}' at '${p.path}' failed to satisfy constraint: ${p.text}`;
  });
  return `${parts.length} validation error${parts.length === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}

const ec2Name = (p: Problem): string => {
  const m = p.member;
  return m ? queryMemberName(m.shape, m.name, true) : p.path;
};

function ec2Error(problems: Problem[]): AwsError {
  const missing = problems.find((p) => p.kind === 'required');
  if (missing) return new AwsError('MissingParameter', `The request must contain the parameter ${ec2Name(missing)}`, 400);
  const p = problems[0]!;
  const value = p.kind === 'required' ? 'null' : p.kind === 'type' ? describe(p.value) : String(p.value);
  return new AwsError('InvalidParameterValue', `Value (${value}) for parameter ${ec2Name(p)} is invalid.`, 400);
}

function s3Error(problems: Problem[]): AwsError {
  const p = problems[0]!;
  const m = p.member;
  const loc = m?.shape.location;
  if (p.kind === 'required') {
    if (!loc || loc === 'body') return new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
    if (loc === 'header') return new AwsError('InvalidRequest', `Missing required header for this request: ${m.shape.locationName ?? m.name}`, 400);
    return new AwsError('InvalidRequest', `Missing required parameter for this request: ${m.shape.locationName ?? m.name}`, 400);
  }
  if (!loc || loc === 'body') return new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
  const name = m?.shape.locationName ?? m?.name ?? p.path;
  return new AwsError('InvalidArgument', `Invalid argument: ${name}`, 400, { extra: { ArgumentName: name, ArgumentValue: describe(p.value) } });
}

/** Validates an input against its operation's model; undefined when it is fine. */
export function validateInput(model: LoadedModel, operation: string, input: Record<string, unknown>): AwsError | undefined {
  const shape = model.operations[operation]?.input;
  if (!shape) return undefined;
  const problems: Problem[] = [];
  check(shape, input, '', problems);
  if (problems.length === 0) return undefined;
  const protocol = model.metadata.protocol;
  if (protocol === 'ec2') return ec2Error(problems);
  if (protocol === 'rest-xml' && model.service === 's3') return s3Error(problems);
  const types = problems.filter((p) => p.kind === 'type');
  if ((protocol === 'json' || protocol === 'rest-json') && types.length) {
    const t = types[0]!;
    return new AwsError('SerializationException', `Value '${describe(t.value)}' at '${t.path}' cannot be converted to ${t.expected}`, 400);
  }
  return new AwsError(protocol === 'query' || protocol === 'rest-xml' ? 'ValidationError' : 'ValidationException', dynaliteMessage(problems), 400);
}
