/** Checks of names, paths and documents that IAM makes before any write. */
import { constraintViolation, limitExceeded, validationError } from './errors';

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;

export function checkName(value: string, field: string, max = 64): void {
  if (value.length < 1) throw constraintViolation(value, field, 'Member must have length greater than or equal to 1');
  if (value.length > max) throw constraintViolation(value, field, `Member must have length less than or equal to ${max}`);
  if (!NAME.test(value)) throw constraintViolation(value, field, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
}

export function checkPath(value: string | undefined, field = 'path'): string {
  if (value === undefined) return '/';
  if (value.length > 512) throw constraintViolation(value, field, 'Member must have length less than or equal to 512');
  if (!PATH.test(value)) throw validationError(`The specified value for ${field} is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`);
  return value;
}

/** IAM counts a policy's size without the white space outside its strings. */
export function policySize(document: string): number {
  try {
    return Buffer.byteLength(JSON.stringify(JSON.parse(document)));
  } catch {
    return Buffer.byteLength(document);
  }
}

export const INLINE_LIMITS = { user: 2048, group: 5120, role: 10240 } as const;

export function checkInlineSize(kind: 'user' | 'group' | 'role', entity: string, document: string): void {
  const max = INLINE_LIMITS[kind];
  if (policySize(document) > max) throw limitExceeded(`Maximum policy size of ${max} bytes exceeded for ${kind} ${entity}`);
}

/** Tags: at most 50, keys 1..128, values 0..256. */
export function checkTags(tags: { Key: string; Value: string }[] | undefined): void {
  if (!tags) return;
  if (tags.length > 50) throw limitExceeded('Cannot exceed quota for TagsPerUser: 50');
  for (const t of tags) {
    if (t.Key.length < 1 || t.Key.length > 128) throw constraintViolation(t.Key, 'tags.member.key', 'Member must have length less than or equal to 128');
    if ((t.Value ?? '').length > 256) throw constraintViolation(t.Value, 'tags.member.value', 'Member must have length less than or equal to 256');
  }
}
