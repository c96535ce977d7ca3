/** NextToken paging over a computed list (50 per page, as AWS's default). */
import { validation } from './errors';

export function page<T>(all: T[], max: number | undefined, token: string | undefined): { items: T[]; next?: string } {
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64').toString());
  if (!Number.isInteger(start) || start < 0) throw validation('Invalid NextToken');
  const n = max ?? 50;
  const items = all.slice(start, start + n);
  return { items, next: start + n < all.length ? Buffer.from(String(start + n)).toString('base64') : undefined };
}
