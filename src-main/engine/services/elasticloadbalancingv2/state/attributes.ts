/** Load balancer and target group attributes: known keys only, values kept as AWS's strings. */
import { validationError } from '../errors';

export function mergeAttributes(current: Record<string, string>, changes: readonly { Key?: string; Value?: string }[]): Record<string, string> {
  const out = { ...current };
  for (const a of changes) {
    const key = a.Key ?? '';
    if (!(key in current)) throw validationError(`Attribute key '${key}' is not recognized`);
    out[key] = a.Value ?? '';
  }
  return out;
}

export const attributeList = (attrs: Record<string, string>) => Object.entries(attrs).map(([Key, Value]) => ({ Key, Value }));
