/** Queue tags as AWS limits them: up to 50, keys 1-128 characters, values up to 256. */
import { invalidParameterValue } from './errors';

export function checkTags(tags: Record<string, string>, existing: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(tags)) {
    if (k.length < 1 || k.length > 128) throw invalidParameterValue(`Tag key ${k} must be between 1 and 128 characters.`);
    if (String(v).length > 256) throw invalidParameterValue(`Tag value for key ${k} must be at most 256 characters.`);
  }
  const merged = { ...existing, ...tags };
  if (Object.keys(merged).length > 50) throw invalidParameterValue('Too many tags added for queue. Maximum allowed tags per queue is 50.');
  return merged;
}
