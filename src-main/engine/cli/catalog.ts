/** The services the `aws` command knows: CLI names from resources/models/index.json, models loaded lazily. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, type LoadedModel } from '../models/load';
import { findResourcesDir } from '../models/paths';
import { xformName } from './names';

export interface ServiceEntry {
  service: string;
  cliName: string;
}

let entries: ServiceEntry[] | undefined;
let resources: string | undefined;

export function resourcesDir(): string {
  return (resources ??= findResourcesDir());
}

export function cliServices(): ServiceEntry[] {
  entries ??= (JSON.parse(readFileSync(join(resourcesDir(), 'models', 'index.json'), 'utf8')) as { services: ServiceEntry[] }).services.map((s) => ({
    service: s.service,
    cliName: s.cliName,
  }));
  return entries;
}

export const serviceByCliName = (name: string): ServiceEntry | undefined => cliServices().find((s) => s.cliName === name);

export const modelFor = (service: string): LoadedModel => loadModel(resourcesDir(), service);

/** Operation CLI names → model names, in the model's sorted order (botocore's operation_names). */
export function operationTable(model: LoadedModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(model.operations).sort()) out.set(xformName(name), name);
  return out;
}
