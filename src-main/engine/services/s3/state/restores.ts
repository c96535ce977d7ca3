/**
 * Restores from the archive classes (§8.4). A restore is a JSON {tier, readyAt, expiresAt} on the
 * version's row; whether it is ongoing, done or expired is derived from the simulated clock, so no
 * timer has to finish it.
 */
export interface RestoreState {
  tier: string;
  readyAt: number;
  expiresAt: number;
}

/** Classes whose bytes cannot be read before a restore. (GLACIER_IR is read directly.) */
export const ARCHIVE_CLASSES = new Set(['GLACIER', 'DEEP_ARCHIVE']);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How long a restore takes: the top of the range AWS documents for each class and tier. */
export const RESTORE_TIME: Record<string, Record<string, number>> = {
  GLACIER: { Expedited: 5 * MINUTE, Standard: 5 * HOUR, Bulk: 12 * HOUR },
  DEEP_ARCHIVE: { Standard: 12 * HOUR, Bulk: 48 * HOUR },
};

/** S3 rounds lifecycle and restore dates up to the next midnight UTC. */
export const nextMidnight = (t: number): number => Math.floor(t / DAY) * DAY + DAY;

export const parseRestore = (json: string | null): RestoreState | undefined => (json ? (JSON.parse(json) as RestoreState) : undefined);

/** The restore that still counts at `now` (an expired copy is gone). */
export function liveRestore(json: string | null, now: number): RestoreState | undefined {
  const r = parseRestore(json);
  return r && (r.readyAt > now || r.expiresAt > now) ? r : undefined;
}

export const isRestored = (json: string | null, now: number): boolean => {
  const r = liveRestore(json, now);
  return r !== undefined && r.readyAt <= now;
};

/** The x-amz-restore header of GET/HEAD. */
export function restoreHeader(json: string | null, now: number): string | undefined {
  const r = liveRestore(json, now);
  if (!r) return undefined;
  if (r.readyAt > now) return 'ongoing-request="true"';
  return `ongoing-request="false", expiry-date="${new Date(r.expiresAt).toUTCString()}"`;
}

/** RestoreStatus of listings. */
export function restoreStatusOf(json: string | null, now: number): { IsRestoreInProgress: boolean; RestoreExpiryDate?: Date } | undefined {
  const r = liveRestore(json, now);
  if (!r) return undefined;
  return r.readyAt > now ? { IsRestoreInProgress: true } : { IsRestoreInProgress: false, RestoreExpiryDate: new Date(r.expiresAt) };
}
