/**
 * From a request to `{service, operation}`: the signing name picks the service model(s), then each
 * protocol's own rule picks the operation (X-Amz-Target, Action, or method + URI template).
 */
import type { LoadedModel } from '../models/load';
import type { OperationModel } from '../models/types';
import { compileRestRouter, type RestRouter } from './rest';

export interface ServiceCatalog {
  model(service: string): LoadedModel;
  listServices(): string[];
}

export const signingNameOf = (model: LoadedModel): string => model.metadata.signingName ?? model.metadata.endpointPrefix;

/**
 * Signing name → service keys. Most services sign with their own key; a few share a name
 * (`elasticloadbalancing` signs v1 and v2, told apart by `Version`). Only models whose key starts with the
 * signing name are loaded to check; a full scan happens once, for names no key resembles (`states`...).
 */
export function createServiceMap(catalog: ServiceCatalog): (signingName: string) => string[] {
  const cache = new Map<string, string[]>();
  let full: Map<string, string[]> | undefined;
  return (signingName) => {
    const hit = cache.get(signingName);
    if (hit) return hit;
    const services = catalog.listServices();
    let found = services.filter((s) => s.startsWith(signingName) && signingNameOf(catalog.model(s)) === signingName);
    if (found.length === 0) {
      if (!full) {
        full = new Map();
        for (const s of services) {
          const name = signingNameOf(catalog.model(s));
          full.set(name, [...(full.get(name) ?? []), s]);
        }
      }
      found = full.get(signingName) ?? [];
    }
    // The service whose key equals the signing name goes first (s3 before s3control).
    found.sort((a, b) => (a === signingName ? -1 : b === signingName ? 1 : 0));
    cache.set(signingName, found);
    return found;
  };
}

/** Among services sharing a signing name, the one whose apiVersion the request's `Version` names. */
export function pickByVersion(models: LoadedModel[], version: string | null | undefined): LoadedModel | undefined {
  if (version) {
    const exact = models.find((m) => m.metadata.apiVersion === version);
    if (exact) return exact;
  }
  return models[0];
}

/** json protocol: `X-Amz-Target: <targetPrefix>.<Operation>`. */
export function resolveTarget(model: LoadedModel, target: string): OperationModel | undefined {
  const dot = target.lastIndexOf('.');
  if (dot === -1) return undefined;
  const prefix = target.slice(0, dot);
  // CloudTrail's model says com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101; SDK v3 sends the short CloudTrail_20131101.
  if (prefix !== model.metadata.targetPrefix && !model.metadata.targetPrefix?.endsWith(`.${prefix}`)) return undefined;
  return model.operations[target.slice(dot + 1)];
}

/** query/ec2 protocols: the `Action` parameter, exact name first. */
export function resolveAction(model: LoadedModel, action: string): OperationModel | undefined {
  return model.operations[action] ?? model.operationsByLowerName.get(action.toLowerCase());
}

const routers = new WeakMap<LoadedModel, RestRouter>();

/** The precompiled router of a rest-json/rest-xml service, built on first use. */
export function restRouter(model: LoadedModel): RestRouter {
  let r = routers.get(model);
  if (!r) routers.set(model, (r = compileRestRouter(model)));
  return r;
}
