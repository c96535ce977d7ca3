/**
 * Loads a service model copied from aws-sdk v2 (`resources/models/<svc>/`), applies our JSON Patch
 * file (`resources/models/patches/<svc>.json`) and resolves shape references once, so the wire layer
 * walks plain objects. Models load lazily on a service's first call and are cached per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OperationModel, ServiceModel, Shape } from './types';
import { applyPatch, type PatchOperation } from './patch';

export interface LoadedModel extends ServiceModel {
  /** Service key: the aws-sdk v2 file prefix ('s3', 'ec2', 'application-autoscaling'...). */
  service: string;
  /** Operation name by lower-case name, for case-insensitive lookups (query Action, CLI). */
  operationsByLowerName: Map<string, OperationModel>;
}

const cache = new Map<string, LoadedModel>();

export function modelFiles(resourcesDir: string, service: string) {
  const dir = join(resourcesDir, 'models', service);
  return {
    service: join(dir, 'service.json'),
    paginators: join(dir, 'paginators.json'),
    waiters: join(dir, 'waiters.json'),
    patch: join(resourcesDir, 'models', 'patches', `${service}.json`),
  };
}

export function listModelServices(resourcesDir: string): string[] {
  const index = join(resourcesDir, 'models', 'index.json');
  return (JSON.parse(readFileSync(index, 'utf8')) as { services: { service: string }[] }).services.map((s) => s.service);
}

export function loadModel(resourcesDir: string, service: string): LoadedModel {
  const key = `${resourcesDir}\0${service}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const files = modelFiles(resourcesDir, service);
  if (!existsSync(files.service)) throw new Error(`No model for service '${service}' in ${resourcesDir}/models`);
  const raw = JSON.parse(readFileSync(files.service, 'utf8')) as ServiceModel;
  if (existsSync(files.paginators)) raw.paginators = (JSON.parse(readFileSync(files.paginators, 'utf8')) as { pagination?: Record<string, unknown> }).pagination ?? {};
  if (existsSync(files.waiters)) raw.waiters = (JSON.parse(readFileSync(files.waiters, 'utf8')) as { waiters?: Record<string, unknown> }).waiters ?? {};
  const patched = existsSync(files.patch)
    ? applyPatch(raw, JSON.parse(readFileSync(files.patch, 'utf8')) as PatchOperation[])
    : raw;
  const model = resolveModel(service, patched);
  cache.set(key, model);
  return model;
}

/**
 * Replaces `{shape: 'X', ...ref}` with the referenced shape merged with the ref's own traits
 * (location, locationName, ...) through a prototype link. Recursive shapes stay shared objects, so the
 * graph may have cycles: walkers must not assume a tree, and must read traits as properties (no spread).
 */
export function resolveModel(service: string, model: ServiceModel): LoadedModel {
  const shapes = model.shapes ?? {};
  const resolvedNamed = new Map<string, Shape>();

  const named = (name: string): Shape => {
    const existing = resolvedNamed.get(name);
    if (existing) return existing;
    const src = shapes[name];
    if (!src) throw new Error(`${service}: unknown shape ${name}`);
    const target: Shape = {};
    resolvedNamed.set(name, target);
    Object.assign(target, resolveInline(src), { shapeName: name });
    return target;
  };

  const resolveInline = (s: Shape): Shape => {
    if (s.shape) {
      const { shape, ...traits } = s;
      const target = named(shape);
      // A ref with no traits of its own can share the named shape object (keeps cycles finite).
      if (Object.keys(traits).length === 0) return target;
      // Prototype link, not a copy: a recursive shape may still be filling in at this point.
      return Object.assign(Object.create(target) as Shape, traits);
    }
    const out: Shape = { ...s };
    if (!out.type) out.type = s.members ? 'structure' : 'string';
    if (s.members) {
      const members: Record<string, Shape> = {};
      for (const [k, v] of Object.entries(s.members)) members[k] = resolveInline(v);
      out.members = members;
    }
    if (s.member) out.member = resolveInline(s.member);
    if (s.key) out.key = resolveInline(s.key);
    if (s.value) out.value = resolveInline(s.value);
    return out;
  };

  const operations: Record<string, OperationModel> = {};
  const byLower = new Map<string, OperationModel>();
  for (const [name, op] of Object.entries(model.operations)) {
    const resolved: OperationModel = { ...op, name };
    if (op.input) resolved.input = resolveInline(op.input);
    if (op.output) resolved.output = resolveInline(op.output);
    operations[name] = resolved;
    byLower.set(name.toLowerCase(), resolved);
  }
  const resolvedShapes: Record<string, Shape> = {};
  for (const name of Object.keys(shapes)) resolvedShapes[name] = named(name);
  return { ...model, service, operations, shapes: resolvedShapes, operationsByLowerName: byLower };
}
