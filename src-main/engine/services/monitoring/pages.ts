/** NextToken paging over an in-memory list: the token is the offset, opaque to callers. */
import { invalidNextToken } from './errors';

export function page<T>(items: T[], max: number, token: string | undefined): { items: T[]; NextToken?: string } {
  let start = 0;
  if (token) {
    start = Number(Buffer.from(token, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0) throw invalidNextToken();
  }
  const end = start + max;
  return { items: items.slice(start, end), NextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
