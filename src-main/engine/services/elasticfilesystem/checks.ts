/** Checks the model cannot express, shared by several operations. */
import { badRequest, validation } from './errors';
import type { Tag } from './state/file-systems';

const MODES = ['bursting', 'provisioned', 'elastic'];

export function checkThroughput(mode: string, mibps: number | undefined): void {
  if (!MODES.includes(mode)) throw badRequest(`Invalid throughput mode: ${mode}`);
  if (mode === 'provisioned') {
    if (mibps === undefined) throw badRequest('ProvisionedThroughputInMibps is required when ThroughputMode is provisioned.');
    if (mibps < 1 || mibps > 3414) throw badRequest('ProvisionedThroughputInMibps must be between 1 and 3414.');
  } else if (mibps !== undefined) throw badRequest('ProvisionedThroughputInMibps can be set only with the provisioned throughput mode.');
}

export function checkTags(tags: readonly Tag[]): void {
  if (tags.length > 50) throw validation('A resource can have at most 50 tags.');
  for (const t of tags) {
    if (t.Key.startsWith('aws:') && !t.Key.startsWith('aws:cloudformation:')) throw validation(`Tag keys starting with 'aws:' are reserved: ${t.Key}`);
    if (t.Key.length < 1 || t.Key.length > 128) throw validation('1 validation error detected: tag key length must be between 1 and 128.');
    if (t.Value.length > 256) throw validation('1 validation error detected: tag value length must be at most 256.');
  }
}
