/**
 * What a CloudFormation resource provider is: the create/update/delete of one resource type, done
 * through the dispatcher as the CloudFormation service principal, so IAM and the event history see
 * every call. It sits in core so a service declares its own resource types in its manifest
 * (`cloudformation` field) without importing CloudFormation's internals; the helpers below are the
 * small conversions every provider needs.
 */
import { AwsError } from '../protocol/errors';

/** A template value after intrinsic functions are resolved. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Tag {
  Key: string;
  Value: string;
}

export interface ResourceCtx {
  /** A call to another service, as CloudFormation, in the stack's region. */
  call(service: string, operation: string, input: Record<string, unknown>): Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  accountId: string;
  region: string;
  partition: string;
  urlSuffix: string;
  stackName: string;
  stackId: string;
  logicalId: string;
  /** Stack tags plus aws:cloudformation:stack-name / stack-id / logical-id. */
  tags: Tag[];
  now(): number;
  /** Waits on the simulated clock until check() is true (polling every `everyMs`), or fails after `maxMs`. */
  waitFor(check: () => Promise<boolean>, everyMs: number, maxMs: number, what: string): Promise<void>;
  /** Something the lab recorded but could not apply: shown as the resource's status reason. */
  note(text: string): void;
}

export interface Created {
  physicalId: string;
  attributes?: Record<string, Json>;
}

export interface ResourceProvider {
  create(rc: ResourceCtx, props: JsonObject): Promise<Created>;
  /** In-place update (no replacement); may return a new physical id (some associations change theirs). */
  update?(rc: ResourceCtx, physicalId: string, props: JsonObject, old: JsonObject, attrs: Record<string, Json>): Promise<Partial<Created> | void>;
  delete(rc: ResourceCtx, physicalId: string, props: JsonObject, attrs: Record<string, Json>): Promise<void>;
  /** Stabilization: the resource is usable (instance running, NAT gateway available). */
  ready?(rc: ResourceCtx, physicalId: string, props: JsonObject): Promise<boolean>;
  /** Attributes read once the resource is ready (public IP of an instance...). */
  attributes?(rc: ResourceCtx, physicalId: string, props: JsonObject, attrs: Record<string, Json>): Promise<Record<string, Json>>;
  /**
   * The resource this stack's logical id made, if it exists (by the aws:cloudformation:* tags): the
   * lab stopped between the service creating it and the stack recording it.
   */
  find?(rc: ResourceCtx): Promise<string | undefined>;
  /** DeletionPolicy: Snapshot. */
  snapshot?(rc: ResourceCtx, physicalId: string, props: JsonObject): Promise<void>;
}

// Template values arrive as JSON scalars of any kind ('true', true, '22', 22); the APIs want typed ones.

export const str = (v: Json | undefined): string | undefined => (v === undefined || v === null ? undefined : String(v));
export const bool = (v: Json | undefined): boolean | undefined => (v === undefined || v === null ? undefined : v === true || v === 'true');
export const num = (v: Json | undefined): number | undefined => (v === undefined || v === null || v === '' ? undefined : Number(v));
export const strList = (v: Json | undefined): string[] | undefined =>
  v === undefined || v === null ? undefined : Array.isArray(v) ? v.map((x) => String(x)) : [String(v)];
export const objList = (v: Json | undefined): JsonObject[] =>
  Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object' && !Array.isArray(x)) as JsonObject[]) : [];

/** Drops undefined members so inputs carry only what the template set. */
export function clean<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export function randomSuffix(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALNUM[Math.floor(Math.random() * ALNUM.length)];
  return s;
}

/** CloudFormation's generated names: `stack-LogicalId-RANDOM`, cut to fit `max`. */
export function generatedName(rc: ResourceCtx, max: number, opts: { lower?: boolean; suffix?: number } = {}): string {
  const suffix = randomSuffix(opts.suffix ?? 12);
  let head = `${rc.stackName}-${rc.logicalId}`;
  const room = max - suffix.length - 1;
  if (head.length > room) {
    const stackPart = rc.stackName.slice(0, Math.max(1, Math.floor(room / 2)));
    head = `${stackPart}-${rc.logicalId}`.slice(0, room);
  }
  const name = `${head}-${suffix}`;
  return opts.lower ? name.toLowerCase() : name;
}

export const isNotFound = (e: unknown): boolean =>
  e instanceof AwsError && (/NotFound|NoSuch|\.Malformed$/.test(e.code) || e.code === 'InvalidAssociationID.NotFound');

export const isNotImplemented = (e: unknown): boolean => e instanceof AwsError && e.code === 'NotImplemented';

/** Deletes that find the resource already gone succeed, as CloudFormation's do. */
export async function ignoreNotFound(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

/** A configuration call whose operation the lab has no behaviour for yet: recorded, not applied. */
export async function optional(rc: ResourceCtx, service: string, op: string, input: Record<string, unknown>, what: string): Promise<void> {
  try {
    await rc.call(service, op, input);
  } catch (e) {
    if (!isNotImplemented(e)) throw e;
    rc.note(`${what} recorded but not applied: ${service}:${op} has no behaviour in Nimbus Lab yet.`);
  }
}

export function tagList(v: Json | undefined): Tag[] {
  return objList(v).map((t) => ({ Key: String(t.Key), Value: String(t.Value ?? '') }));
}

/** The resource's own tags plus the stack's (its own win on a clash). */
export function allTags(rc: ResourceCtx, props: JsonObject, member = 'Tags'): Tag[] {
  const own = tagList(props[member]);
  const keys = new Set(own.map((t) => t.Key));
  return [...own, ...rc.tags.filter((t) => !keys.has(t.Key))];
}
