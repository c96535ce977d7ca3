/**
 * What rest-json and rest-xml share: routes compiled from `requestUri` templates, and input/output members
 * bound to the URI, query string, headers, status code and payload.
 */
import type { Readable } from 'node:stream';
import type { LoadedModel } from '../models/load';
import type { OperationModel, Shape } from '../models/types';
import { AwsError } from './errors';
import type { RouteMatch } from './codec';
import { coerceScalar } from './shape-xml';
import { formatTimestamp, parseTimestamp } from './timestamps';
import { HTTP_STATUS, type HttpRequest, type RequestBody } from './types';

interface CompiledRoute {
  operation: OperationModel;
  labels: string[];
  /** Query keys the template requires, with a value when it pins one (`list-type=2`). */
  literalQuery: [string, string | undefined][];
  /** Lower-case header names and query keys of required members: a request lacking one is another operation. */
  requiredHeaders: string[];
  requiredQuery: string[];
  score: number;
}

interface PathGroup {
  regex: RegExp;
  labels: string[];
  routes: CompiledRoute[];
}

export interface RestRouter {
  match(method: string, path: string, query: URLSearchParams, headers: Record<string, string>): RouteMatch | undefined;
  /** True when some operation has this path under another method (S3 answers MethodNotAllowed). */
  pathKnown(path: string): boolean;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compilePath(template: string): { regex: RegExp; labels: string[]; literals: number } {
  const labels: string[] = [];
  let literals = 0;
  let src = '';
  const trimmed = template.length > 1 && template.endsWith('/') ? template.slice(0, -1) : template;
  const re = /\{([^}]+)\}/g;
  let last = 0;
  for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) {
    const lit = trimmed.slice(last, m.index);
    literals += lit.replace(/\//g, '').length;
    src += escapeRegex(lit);
    const greedy = m[1]!.endsWith('+');
    labels.push(greedy ? m[1]!.slice(0, -1) : m[1]!);
    src += greedy ? '(.+)' : '([^/]+)';
    last = m.index + m[0].length;
  }
  const tail = trimmed.slice(last);
  literals += tail.replace(/\//g, '').length;
  src += escapeRegex(tail === '/' ? '' : tail);
  return { regex: new RegExp(`^${src}/?$`), labels, literals };
}

/** Precompiles one service's routes, most specific first. */
export function compileRestRouter(model: LoadedModel): RestRouter {
  const byMethod = new Map<string, Map<string, PathGroup>>();
  const allPaths: RegExp[] = [];
  for (const op of Object.values(model.operations)) {
    const method = (op.http?.method ?? 'POST').toUpperCase();
    const uri = op.http?.requestUri ?? '/';
    const q = uri.indexOf('?');
    const pathPart = q === -1 ? uri : uri.slice(0, q);
    const literalQuery: [string, string | undefined][] = [];
    if (q !== -1) {
      for (const part of uri.slice(q + 1).split('&')) {
        if (!part) continue;
        const eq = part.indexOf('=');
        const key = eq === -1 ? part : part.slice(0, eq);
        const value = eq === -1 ? undefined : part.slice(eq + 1);
        if (value?.startsWith('{')) continue; // a querystring member, bound below
        literalQuery.push([key, value]);
      }
    }
    const requiredHeaders: string[] = [];
    const requiredQuery: string[] = [];
    const input = op.input;
    for (const name of input?.required ?? []) {
      const m = input?.members?.[name];
      if (m?.location === 'header') requiredHeaders.push((m.locationName ?? name).toLowerCase());
      else if (m?.location === 'querystring') requiredQuery.push(m.locationName ?? name);
    }
    const compiled = compilePath(pathPart);
    let groups = byMethod.get(method);
    if (!groups) byMethod.set(method, (groups = new Map()));
    let group = groups.get(pathPart);
    if (!group) {
      groups.set(pathPart, (group = { regex: compiled.regex, labels: compiled.labels, routes: [] }));
      allPaths.push(compiled.regex);
    }
    const score =
      compiled.literals * 1_000_000 +
      literalQuery.length * 10_000 +
      (requiredHeaders.length + requiredQuery.length) * 10 +
      (op.deprecated ? 0 : 1);
    group.routes.push({ operation: op, labels: compiled.labels, literalQuery, requiredHeaders, requiredQuery, score });
  }
  const ordered = new Map<string, PathGroup[]>();
  for (const [method, groups] of byMethod) {
    const list = [...groups.values()];
    for (const g of list) g.routes.sort((a, b) => b.score - a.score);
    ordered.set(method, list);
  }

  return {
    match(method, path, query, headers) {
      let best: { route: CompiledRoute; values: string[] } | undefined;
      for (const group of ordered.get(method) ?? []) {
        const m = group.regex.exec(path);
        if (!m) continue;
        for (const route of group.routes) {
          if (best && best.route.score >= route.score) break;
          if (!accepts(route, query, headers)) continue;
          best = { route, values: m.slice(1) };
          break;
        }
      }
      if (!best) return undefined;
      const labels = Object.create(null) as Record<string, string>;
      best.route.labels.forEach((name, i) => (labels[name] = best.values[i]!));
      return { operation: best.route.operation, labels, query };
    },
    pathKnown(path) {
      return allPaths.some((r) => r.test(path));
    },
  };
}

function accepts(route: CompiledRoute, query: URLSearchParams, headers: Record<string, string>): boolean {
  for (const [k, v] of route.literalQuery) {
    if (!query.has(k)) return false;
    if (v !== undefined && query.get(k) !== v) return false;
  }
  for (const k of route.requiredQuery) if (!query.has(k)) return false;
  for (const h of route.requiredHeaders) if (headers[h] === undefined) return false;
  return true;
}

const invalidUri = (): AwsError => new AwsError('InvalidURI', "Couldn't parse the specified URI.", 400);

function decodeLabel(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalidUri();
  }
}

/** A header or query string value → the member's type (headers default to rfc822 dates, jsonvalue is base64 JSON). */
function fromText(shape: Shape, text: string, where: 'header' | 'querystring'): unknown {
  if (shape.type === 'list') {
    const parts = where === 'header' ? text.split(',').map((s) => s.trim()) : [text];
    return parts.map((p) => fromText(shape.member!, p, where));
  }
  if (shape.type === 'timestamp') return parseTimestamp(text) ?? text;
  if (shape.jsonvalue) {
    try {
      return JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    } catch {
      return text;
    }
  }
  if (shape.type === 'blob') return Buffer.from(text, 'base64');
  return coerceScalar(shape, text);
}

interface InputPlan {
  uri: [name: string, label: string, shape: Shape][];
  query: [name: string, key: string, shape: Shape][];
  queryMap?: [name: string, shape: Shape];
  boundQuery: Set<string>;
  /** Lower-case header name → member. */
  headers: Map<string, [name: string, shape: Shape]>;
  prefixHeaders: [name: string, prefix: string][];
}

const inputPlans = new WeakMap<OperationModel, InputPlan>();

/** Which members sit in the URI, query and headers: computed once per operation (hot path). */
function inputPlan(operation: OperationModel): InputPlan {
  let plan = inputPlans.get(operation);
  if (plan) return plan;
  plan = { uri: [], query: [], boundQuery: new Set(), headers: new Map(), prefixHeaders: [] };
  const members = operation.input?.members ?? {};
  for (const name in members) {
    const m = members[name]!;
    const key = m.locationName ?? name;
    switch (m.location) {
      case 'uri':
        plan.uri.push([name, key, m]);
        break;
      case 'querystring':
        if (m.type === 'map') plan.queryMap = [name, m];
        else {
          plan.query.push([name, key, m]);
          plan.boundQuery.add(key);
        }
        break;
      case 'header':
        plan.headers.set(key.toLowerCase(), [name, m]);
        break;
      case 'headers':
        plan.prefixHeaders.push([name, key.toLowerCase()]);
        break;
    }
  }
  inputPlans.set(operation, plan);
  return plan;
}

/**
 * Fills the members bound to the URI, query string and headers. Returns the input with those members;
 * the caller adds the body or payload member.
 */
export function readRestBindings(operation: OperationModel, match: RouteMatch, req: HttpRequest): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const plan = inputPlan(operation);
  for (const [name, label, m] of plan.uri) {
    const raw = match.labels?.[label];
    if (raw !== undefined) input[name] = coerceScalar(m, decodeLabel(raw));
  }
  if (req.rawQuery) {
    const query = match.query ?? new URLSearchParams(req.rawQuery);
    for (const [name, key, m] of plan.query) {
      if (m.type === 'list') {
        const all = query.getAll(key);
        if (all.length) input[name] = all.map((v) => fromText(m.member!, v, 'querystring'));
      } else {
        const v = query.get(key);
        if (v !== null) input[name] = fromText(m, v, 'querystring');
      }
    }
    if (plan.queryMap) {
      // A map-typed querystring member takes every parameter no other member binds.
      const [name, m] = plan.queryMap;
      const out = Object.create(null) as Record<string, unknown>;
      let any = false;
      for (const k of new Set(query.keys())) {
        if (plan.boundQuery.has(k)) continue;
        out[k] = m.value?.type === 'list' ? query.getAll(k) : query.get(k);
        any = true;
      }
      if (any) input[name] = out;
    }
  }
  // Walk the request's few headers rather than the operation's many header members.
  for (const h in req.headers) {
    const bound = plan.headers.get(h);
    if (bound) {
      input[bound[0]] = fromText(bound[1], req.headers[h]!, 'header');
      continue;
    }
    for (const [name, prefix] of plan.prefixHeaders) {
      if (h.startsWith(prefix)) {
        const map = (input[name] ??= Object.create(null)) as Record<string, unknown>;
        map[h.slice(prefix.length)] = req.headers[h];
      }
    }
  }
  return input;
}

const bodyMemberFlags = new WeakMap<Shape, boolean>();

/** Whether a structure has members that travel in the body (cached: asked on every request). */
export function hasBodyMembers(shape: Shape | undefined): boolean {
  if (!shape?.members) return false;
  let flag = bodyMemberFlags.get(shape);
  if (flag === undefined) {
    flag = Object.values(shape.members).some((m) => !m.location || m.location === 'body');
    bodyMemberFlags.set(shape, flag);
  }
  return flag;
}

/** The payload member of an input or output, when the model names one. */
export const payloadMember = (shape: Shape | undefined): [string, Shape] | undefined => {
  const p = shape?.payload;
  const m = p ? shape.members?.[p] : undefined;
  return p && m ? [p, m] : undefined;
};

/** Raw payload value for blob/string payloads; streaming blobs stay streams. */
export function rawPayload(member: Shape, body: RequestBody): Buffer | string | Readable {
  if (!Buffer.isBuffer(body)) return body;
  return member.type === 'string' ? body.toString('utf8') : body;
}

const outputBindings = new WeakMap<OperationModel, Map<string, Shape>>();

/** Output members that are not in the body, by member name (computed once per operation). */
function boundOutputMembers(operation: OperationModel): Map<string, Shape> {
  let map = outputBindings.get(operation);
  if (map) return map;
  map = new Map();
  const members = operation.output?.members ?? {};
  for (const name in members) {
    const m = members[name]!;
    if (m.location === 'header' || m.location === 'headers' || m.location === 'statusCode') map.set(name, m);
  }
  outputBindings.set(operation, map);
  return map;
}

/** Output members bound to headers and the status code, plus the status a handler asked for. */
export function writeRestBindings(operation: OperationModel, output: Record<string, unknown>): { status: number; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  let status = operation.http?.responseCode ?? 200;
  const bound = boundOutputMembers(operation);
  if (bound.size) {
    // Walk the output's few members rather than the operation's many header members.
    for (const name in output) {
      const m = bound.get(name);
      const v = output[name];
      if (!m || v === undefined || v === null) continue;
      const key = m.locationName ?? name;
      if (m.location === 'header') headers[key.toLowerCase()] = headerText(m, v);
      else if (m.location === 'headers') {
        const prefix = key.toLowerCase();
        const entries = v instanceof Map ? v.entries() : Object.entries(v as Record<string, unknown>);
        for (const [k, hv] of entries) headers[prefix + String(k).toLowerCase()] = String(hv);
      } else if (typeof v === 'number') status = v;
    }
  }
  const override = (output as Record<symbol, unknown>)[HTTP_STATUS];
  if (typeof override === 'number') status = override;
  return { status, headers };
}

function headerText(shape: Shape, value: unknown): string {
  if (shape.type === 'timestamp') return String(formatTimestamp(value, shape.timestampFormat ?? 'rfc822'));
  if (shape.jsonvalue) return Buffer.from(JSON.stringify(value)).toString('base64');
  if (shape.type === 'list' && Array.isArray(value)) return value.map(String).join(',');
  if (shape.type === 'blob') return Buffer.from(value as Uint8Array).toString('base64');
  return String(value);
}
