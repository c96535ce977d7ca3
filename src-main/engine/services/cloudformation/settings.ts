/** Request members shared by CreateStack, UpdateStack and CreateChangeSet. */
import { validationError } from './errors';
import type { Tag } from './state/stacks';

export const STACK_NAME = /^[A-Za-z][-A-Za-z0-9]*$/;

export function checkStackName(name: string): void {
  if (name.length > 128 || !STACK_NAME.test(name)) {
    throw validationError(`1 validation error detected: Value '${name}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`);
  }
}

export function checkTags(tags: { Key?: string; Value?: string }[] | undefined): Tag[] {
  const out: Tag[] = [];
  for (const t of tags ?? []) {
    if (t.Key === undefined || t.Value === undefined) throw validationError('Tags must have both a Key and a Value.');
    if (t.Key.toLowerCase().startsWith('aws:')) throw validationError('Invalid tag key. Tag keys cannot start with "aws:".');
    out.push({ Key: t.Key, Value: t.Value });
  }
  if (out.length > 50) throw validationError('Tags cannot exceed 50.');
  return out;
}
