/** The per-type table of resources/cloudformation/resource-types.json, loaded once. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findResourcesDir } from '../../models/paths';

export type UpdateRequires = 'Replacement' | 'NoInterruption' | 'SomeInterruption' | 'Conditional';

export interface ResourceTypeSpec {
  service: string;
  /** What Ref returns, as AWS's reference names it. */
  ref: string;
  createSeconds: number;
  deleteSeconds: number;
  taggable?: boolean;
  capability?: boolean;
  namedBy?: string;
  snapshotOnDelete?: boolean;
  attributes: string[];
  required: string[];
  properties: Record<string, UpdateRequires>;
  operations: { create: string[]; update?: string[]; delete: string[] };
}

let cache: Map<string, ResourceTypeSpec> | undefined;

export function resourceTypes(): Map<string, ResourceTypeSpec> {
  if (!cache) {
    const raw = JSON.parse(readFileSync(join(findResourcesDir(), 'cloudformation', 'resource-types.json'), 'utf8')) as {
      types: Record<string, ResourceTypeSpec>;
    };
    cache = new Map(Object.entries(raw.types));
  }
  return cache;
}

export const resourceType = (type: string): ResourceTypeSpec | undefined => resourceTypes().get(type);

export function ssmPublicParameters(): Map<string, string> {
  const raw = JSON.parse(readFileSync(join(findResourcesDir(), 'cloudformation', 'ssm-public-parameters.json'), 'utf8')) as {
    parameters: Record<string, string>;
  };
  return new Map(Object.entries(raw.parameters));
}
