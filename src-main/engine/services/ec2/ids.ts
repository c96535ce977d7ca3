/**
 * EC2 resource ids as EC2 mints them since 2018: prefix + '-0' + 16 hex digits (17 after the dash).
 * Older 8-digit ids are still accepted where an id is parsed.
 */
import { randomBytes } from 'node:crypto';

export const ec2Id = (prefix: string): string => `${prefix}-0${randomBytes(8).toString('hex')}`;

/** True when `id` has the shape `prefix-` + 8 or 17 lower-case hex digits. */
export const isWellFormedId = (prefix: string, id: string): boolean =>
  id.startsWith(`${prefix}-`) && /^[0-9a-f]{8}(?:[0-9a-f]{9})?$/.test(id.slice(prefix.length + 1));
