/**
 * The batch operations' shared rules: 1-10 entries with distinct, well-formed ids; each entry then
 * succeeds or fails on its own (Failed entries carry the code the query form would answer).
 */
import { AwsError } from '../../protocol/errors';
import { batchEntryIdsNotDistinct, emptyBatchRequest, invalidBatchEntryId, tooManyEntriesInBatchRequest } from './errors';

export interface BatchFailure {
  Id: string;
  SenderFault: boolean;
  Code: string;
  Message?: string;
}

export function checkBatch(entries: readonly { Id: string }[] | undefined, entryName: string): void {
  if (!entries || entries.length === 0) throw emptyBatchRequest(entryName);
  if (entries.length > 10) throw tooManyEntriesInBatchRequest(entries.length);
  const seen = new Set<string>();
  for (const e of entries) {
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(e.Id)) throw invalidBatchEntryId();
    if (seen.has(e.Id)) throw batchEntryIdsNotDistinct(e.Id);
    seen.add(e.Id);
  }
}

export function failure(id: string, e: unknown): BatchFailure {
  if (!(e instanceof AwsError)) throw e;
  const code = e.headers['x-amzn-query-error']?.split(';')[0] ?? e.code;
  return { Id: id, SenderFault: e.fault === 'client', Code: code, Message: e.message };
}
