/** SNS list paging: 100 entries per page, the token is the offset. */
import { invalidParameter } from './errors';

export function page<T>(items: T[], token: string | undefined, size = 100): { items: T[]; NextToken?: string } {
  let start = 0;
  if (token) {
    start = Number(Buffer.from(token, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0) throw invalidParameter('Invalid parameter: NextToken');
  }
  const end = start + size;
  return { items: items.slice(start, end), NextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
