import { invalidParameterValue } from './errors';

/** ElastiCache's naming rule: a letter first, then letters, digits or single hyphens, no hyphen last. */
export function validName(name: string, parameter: string, max: number): void {
  if (name.length < 1 || name.length > max || !/^[a-z][a-z0-9-]*$/.test(name) || name.endsWith('-') || name.includes('--')) {
    throw invalidParameterValue(
      `Invalid ${parameter}: ${name}. It must contain from 1 to ${max} alphanumeric characters or hyphens, begin with a letter, and not end with a hyphen or contain two consecutive hyphens.`,
    );
  }
}
