/** What CloudFormation checks of a resource's properties before calling the service. */
import { resourceType } from '../resource-types';
import type { JsonObject } from '../template/parse';

/** The failure reason, or undefined when the properties are acceptable. */
export function propertyProblem(type: string, props: JsonObject): string | undefined {
  const spec = resourceType(type);
  if (!spec) return undefined;
  for (const k of Object.keys(props)) {
    if (!(k in spec.properties)) return `Encountered unsupported property ${k}`;
  }
  for (const k of spec.required) {
    if (props[k] === undefined || props[k] === null || props[k] === '') return `Property ${k} cannot be empty.`;
  }
  return undefined;
}

/** Replacement when the type changes or any changed property requires it. */
export function needsReplacement(type: string, oldType: string, props: JsonObject, old: JsonObject): boolean {
  if (type !== oldType) return true;
  const spec = resourceType(type);
  const keys = new Set([...Object.keys(props), ...Object.keys(old)]);
  for (const k of keys) {
    if (JSON.stringify(props[k] ?? null) === JSON.stringify(old[k] ?? null)) continue;
    if (spec?.properties[k] === 'Replacement') return true;
  }
  return false;
}

export function changedProperties(props: JsonObject, old: JsonObject): string[] {
  const keys = new Set([...Object.keys(props), ...Object.keys(old)]);
  return [...keys].filter((k) => JSON.stringify(props[k] ?? null) !== JSON.stringify(old[k] ?? null)).sort();
}
