/**
 * The common shape of a Describe* handler: rows narrowed to the requested ids (each must be well
 * formed and exist, else the kind's own error), then filters, then pagination.
 */
import type { AwsError } from '../../protocol/errors';
import { applyFilters, type Filter, type FilterOptions } from './filters';

export interface IdSelection<T> {
  ids: readonly string[] | undefined;
  idOf: (row: T) => string;
  /** Throws the kind's Malformed error. */
  check?: (id: string) => void;
  notFound: (id: string) => AwsError;
}

export function selectByIds<T>(rows: readonly T[], sel: IdSelection<T>): T[] {
  if (!sel.ids || sel.ids.length === 0) return [...rows];
  for (const id of sel.ids) sel.check?.(id);
  const byId = new Map(rows.map((r) => [sel.idOf(r), r]));
  const missing = sel.ids.find((id) => !byId.has(id));
  if (missing !== undefined) throw sel.notFound(missing);
  const wanted = new Set(sel.ids);
  return rows.filter((r) => wanted.has(sel.idOf(r)));
}

export function selectAndFilter<T>(rows: readonly T[], sel: IdSelection<T>, filters: readonly Filter[] | undefined, opts: FilterOptions<T>): T[] {
  return applyFilters(selectByIds(rows, sel), filters, opts);
}
