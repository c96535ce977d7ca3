import { invalidParameterValue } from './errors';

/** Describe* paging: MaxRecords 20–100 (default 100), an opaque marker that is the next offset. */
export function page<T>(all: T[], maxRecords: number | undefined, marker: string | undefined): { items: T[]; marker?: string } {
  const max = maxRecords ?? 100;
  if (max < 20 || max > 100) throw invalidParameterValue('The parameter MaxRecords must be between 20 and 100.');
  const start = marker ? Number(Buffer.from(marker, 'base64').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) throw invalidParameterValue('Invalid marker.');
  const items = all.slice(start, start + max);
  return start + max < all.length ? { items, marker: Buffer.from(String(start + max)).toString('base64') } : { items };
}
