/**
 * Checks a service manifest for forgotten or misspelled pieces, naming each one. The manifest test
 * runs it over every manifest of the registry; tsc already refuses a missing field, this also
 * catches what the type system cannot (a handler table built by spreading, a table naming an
 * operation the model does not have, an empty piece).
 */
import type { ServiceProvider } from './provider';

const PIECES = ['service', 'migrations', 'handlers', 'iam', 'cloudformation', 'inventory'] as const;
const CFN_TYPE = /^(AWS|Custom|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

/**
 * `operations(service)` lists the model's operation names (undefined when no such model).
 * Returns one line per problem, each starting with the service and the piece.
 */
export function manifestProblems(m: ServiceProvider, operations: (service: string) => readonly string[] | undefined): string[] {
  const out: string[] = [];
  const svc = typeof m.service === 'string' ? m.service : '(no service)';
  const say = (piece: string, what: string) => out.push(`${svc}: ${piece}: ${what}`);
  const raw = m as unknown as Record<string, unknown>;
  for (const p of PIECES) if (raw[p] === undefined || raw[p] === null) say(p, 'missing (declare it, empty if the service has none)');
  if (out.length) return out;

  const ops = operations(m.service);
  if (!ops) {
    say('service', `"${m.service}" is not a model in resources/models`);
    return out;
  }
  const known = new Set(ops);
  if (!Array.isArray(m.migrations) || m.migrations.length === 0) say('migrations', 'no migration (a service keeps its state in its own tables)');

  const names = Object.keys(m.handlers);
  if (names.length === 0) say('handlers', 'no handler');
  for (const n of names) {
    if (!known.has(n)) say('handlers', `"${n}" is not an operation of the ${m.service} model`);
    if (typeof m.handlers[n] !== 'function') say('handlers', `"${n}" is not a function`);
  }

  const t = m.iam;
  if (typeof t.prefix !== 'string' || !/^[a-z0-9-]+$/.test(t.prefix)) say('iam', 'prefix must be the IAM service prefix (lower case)');
  const opLists: [string, readonly string[]][] = [
    ['iam.actions', Object.keys(t.actions ?? {})],
    ['iam.resources', Object.keys(t.resources ?? {})],
    ['iam.also', Object.keys(t.also ?? {})],
    ['iam.alwaysAllowed', t.alwaysAllowed ?? []],
    ['iam.requireResourcePolicy', t.requireResourcePolicy ?? []],
  ];
  // resources may name operations AWS documents but the model spells elsewhere (sts:GetFederationToken is in it).
  for (const [piece, list] of opLists) for (const op of list) if (!known.has(op)) say(piece, `"${op}" is not an operation of the ${m.service} model`);

  for (const [type, p] of Object.entries(m.cloudformation)) {
    if (!CFN_TYPE.test(type)) say('cloudformation', `"${type}" is not a resource type name (AWS::Service::Resource)`);
    if (typeof p?.create !== 'function' || typeof p?.delete !== 'function') say('cloudformation', `"${type}" needs create and delete`);
  }

  if (!Array.isArray(m.inventory)) say('inventory', 'must be a list of kinds');
  else
    for (const k of m.inventory) {
      const kindOps = k.service && k.service !== m.service ? operations(k.service) : ops;
      if (!kindOps?.includes(k.operation)) say('inventory', `"${k.service ?? m.service}:${k.operation}" is not an operation of its model`);
      if (typeof k.list !== 'function') say('inventory', `"${k.operation}" has no list function`);
    }

  if (m.metrics !== undefined) {
    if (!/^AWS\/[A-Za-z0-9]+$/.test(m.metrics.namespace)) say('metrics', `namespace "${m.metrics.namespace}" is not AWS/<Service>`);
    if (!Array.isArray(m.metrics.metrics) || m.metrics.metrics.length === 0) say('metrics', 'declares no metric');
  }
  return out;
}

/** Problems across manifests: one service listed twice, one resource type claimed twice. */
export function registryProblems(manifests: readonly ServiceProvider[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const owner = new Map<string, string>();
  for (const m of manifests) {
    if (seen.has(m.service)) out.push(`${m.service}: registry: listed twice`);
    seen.add(m.service);
    for (const type of Object.keys(m.cloudformation ?? {})) {
      const prev = owner.get(type);
      if (prev) out.push(`${m.service}: cloudformation: "${type}" is also declared by ${prev}`);
      else owner.set(type, m.service);
    }
  }
  return out;
}
