/** Marker paging over a list already in order: the marker is the index of the next item. */
import { badRequest } from './errors';

export function page<T>(rows: T[], marker: string | undefined, max: number | undefined, defaultMax: number): { items: T[]; next?: string } {
  const start = marker === undefined ? 0 : Number.parseInt(Buffer.from(marker, 'base64url').toString(), 10);
  if (!Number.isInteger(start) || start < 0) throw badRequest('The marker is not valid.');
  if (max !== undefined && max < 1) throw badRequest('MaxItems must be at least 1.');
  const size = max ?? defaultMax;
  const items = rows.slice(start, start + size);
  const after = start + size;
  return after < rows.length ? { items, next: Buffer.from(String(after)).toString('base64url') } : { items };
}
