/**
 * SQLite failing underneath a call (disk full, I/O error, file made read-only): not the caller's
 * fault and not a bug, so the caller gets AWS's retryable 503 in the protocol's form, the lab's log
 * says what happened once in a while, and reads keep being answered.
 */
import { AwsError } from '../protocol/errors';

const STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|NOLFS)/;

export function isStorageFailure(e: unknown): boolean {
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && STORAGE_CODES.test(code);
}

export const storageUnavailable = (): AwsError =>
  new AwsError(
    'ServiceUnavailable',
    "Nimbus Lab could not store this request: the disk holding the lab's data is full or not writable. Free some space and retry.",
    503,
  );

let lastLogged = 0;
/** One line in the lab's log, at most every 10 s (a full disk fails every write until it is freed). */
export function logStorageFailure(e: unknown, now = Date.now()): void {
  if (now - lastLogged < 10_000) return;
  lastLogged = now;
  console.error(`[nimbus] storage failure, writes are refused until it is fixed: ${(e as { code?: string }).code} ${(e as Error).message}`);
}
