/** NextToken paging as Auto Scaling does it (MaxRecords up to 100, default 50). */
import { validationError } from '../errors';

export function page<T>(rows: readonly T[], token: string | undefined, max: number | undefined): { items: T[]; next?: string } {
  const start = token ? Number(Buffer.from(token, 'base64').toString('utf8')) : 0;
  if (!Number.isInteger(start) || start < 0) throw validationError('The NextToken is not valid');
  const size = max ?? 50;
  const items = rows.slice(start, start + size);
  return start + size < rows.length ? { items, next: Buffer.from(String(start + size)).toString('base64') } : { items };
}
