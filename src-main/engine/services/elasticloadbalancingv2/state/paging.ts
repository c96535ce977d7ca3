/** Marker paging as Elastic Load Balancing does it: an opaque marker, PageSize up to 400. */
import { validationError } from '../errors';

export function page<T>(rows: readonly T[], marker: string | undefined, pageSize: number | undefined): { items: T[]; next?: string } {
  const start = marker ? Number(Buffer.from(marker, 'base64').toString('utf8')) : 0;
  if (!Number.isInteger(start) || start < 0) throw validationError('The marker is not valid');
  const size = pageSize ?? 400;
  const items = rows.slice(start, start + size);
  return start + size < rows.length ? { items, next: Buffer.from(String(start + size)).toString('base64') } : { items };
}
