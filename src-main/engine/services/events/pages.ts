/** EventBridge list paging (Limit + NextToken); the token is the offset. */
import { validationException } from './errors';

export function page<T>(items: T[], limit: number | undefined, token: string | undefined): { items: T[]; NextToken?: string } {
  let start = 0;
  if (token) {
    start = Number(Buffer.from(token, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0) throw validationException('The NextToken provided is invalid.');
  }
  const end = start + Math.min(limit ?? 100, 100);
  return { items: items.slice(start, end), NextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
