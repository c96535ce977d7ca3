/**
 * MaxResults / NextToken for EC2 Describe* operations. Items are paged after filtering, in the
 * handler's stable order. The token is opaque to clients: the offset of the next page, with a check
 * that the token was minted for this operation.
 *
 *   const { page, nextToken } = paginate(vpcs, input, { operation: 'DescribeVpcs', idsParam: 'vpcIds', ids: input.VpcIds });
 *   return { Vpcs: page.map(vpcOutput), NextToken: nextToken };
 */
import { invalidMaxResults, invalidNextToken, maxResultsWithIds } from './errors';

export interface PageInput {
  MaxResults?: number;
  NextToken?: string;
}

export interface PageOptions {
  /** Operation name; a token from another operation is refused. */
  operation: string;
  /** AWS's bounds; most Describe calls accept 5..1000. */
  min?: number;
  max?: number;
  /** The wire name of the ids parameter (e.g. 'vpcIds') when AWS refuses MaxResults together with ids. */
  idsParam?: string;
  ids?: readonly unknown[];
}

export function paginate<T>(items: readonly T[], input: PageInput, opts: PageOptions): { page: T[]; nextToken?: string } {
  const start = checkPage(input, opts);
  if (input.MaxResults === undefined) return { page: items.slice(start) };
  const end = start + input.MaxResults;
  return { page: items.slice(start, end), nextToken: end < items.length ? tokenFor(opts.operation, end) : undefined };
}

/** Validates MaxResults/NextToken and returns the offset to start at (before any item is read). */
export function checkPage(input: PageInput, opts: PageOptions): number {
  const min = opts.min ?? 5;
  const max = opts.max ?? 1000;
  if (input.MaxResults !== undefined) {
    if (opts.idsParam && opts.ids && opts.ids.length > 0) throw maxResultsWithIds(opts.idsParam);
    if (input.MaxResults < min || input.MaxResults > max) throw invalidMaxResults(input.MaxResults, min, max);
  }
  if (input.NextToken === undefined || input.NextToken === '') return 0;
  return offsetOf(opts.operation, input.NextToken);
}

function tokenFor(operation: string, offset: number): string {
  return Buffer.from(JSON.stringify({ op: operation, o: offset }), 'utf8').toString('base64url');
}

function offsetOf(operation: string, token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { op?: unknown; o?: unknown };
    if (parsed.op === operation && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // Not ours: falls through to AWS's error.
  }
  throw invalidNextToken(token);
}
