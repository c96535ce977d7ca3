/** Logs list paging; the token is the offset. */
import { invalidParameter } from './errors';

export function page<T>(items: T[], limit: number | undefined, token: string | undefined, max = 50): { items: T[]; nextToken?: string } {
  let start = 0;
  if (token) {
    start = Number(Buffer.from(token, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0) throw invalidParameter('The specified nextToken is invalid.');
  }
  const end = start + Math.min(limit ?? max, max);
  return { items: items.slice(start, end), nextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
