/** ISO 8601 durations (CreationPolicy Timeout: PT15M) and the per-type step durations. */
import { resourceType } from '../resource-types';

export function parseDuration(text: string): number | undefined {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(text);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

export const createMs = (type: string): number => (resourceType(type)?.createSeconds ?? 5) * 1000;
export const deleteMs = (type: string): number => (resourceType(type)?.deleteSeconds ?? 5) * 1000;
/** An in-place update takes about a third of a create (at least a second). */
export const updateMs = (type: string): number => Math.max(1000, Math.round(createMs(type) / 3));

/** How often a resource that is not ready yet is checked again. */
export const STABILIZE_POLL_MS = 5_000;
