/**
 * Account and region scoping applied in one place instead of by every query. A service whose
 * tables carry `account_id` and `region` columns (regional) or `account_id` only (global, like
 * IAM) writes its SQL without them and asks through `scoped(ctx)`:
 *
 *   scoped(ctx).get('SELECT * FROM sqs_queues WHERE name = ?', name)
 *   scoped(ctx).all('SELECT name FROM sqs_queues ORDER BY name')
 *   scoped(ctx).run('DELETE FROM sqs_queues WHERE name = ?', name)
 *   scoped(ctx).insert('sqs_queues', { name, url, created_at })
 *
 * The condition is added to the statement's WHERE (wrapped in parentheses, so an OR in the
 * caller's clause cannot escape it) or given one. Meant for single-table statements without
 * sub-queries; anything else is refused rather than guessed at.
 */
import type Database from 'better-sqlite3';
import type { Store } from '../store/store';

export type Scope = 'region' | 'account';

export interface ScopedStore {
  readonly accountId: string;
  readonly region: string;
  get<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T | undefined;
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  run(sql: string, ...params: unknown[]): Database.RunResult;
  /** INSERT with the scope columns filled in. */
  insert(table: string, row: Record<string, unknown>): Database.RunResult;
}

const TAIL = /\s(ORDER\s+BY|GROUP\s+BY|LIMIT|RETURNING|HAVING|WINDOW)\s/i;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The statement with the scope condition added (named parameters @scope_account, @scope_region). */
export function scopeSql(sql: string, scope: Scope): string {
  if (/\(\s*SELECT\s/i.test(sql) || /\sJOIN\s|\sUNION\s/i.test(sql)) throw new Error(`scoped(): one table, no sub-queries: ${sql}`);
  if (!/^\s*(SELECT|UPDATE|DELETE)\s/i.test(sql)) throw new Error(`scoped(): SELECT, UPDATE or DELETE only (use insert()): ${sql}`);
  const cond = scope === 'region' ? 'account_id = @scope_account AND region = @scope_region' : 'account_id = @scope_account';
  const padded = ` ${sql} `;
  const where = /\sWHERE\s/i.exec(padded);
  const tail = TAIL.exec(where ? padded.slice(where.index + where[0].length) : padded);
  if (where) {
    const start = where.index + where[0].length;
    const end = tail ? start + tail.index : padded.length;
    return `${padded.slice(0, start)}${cond} AND (${padded.slice(start, end).trim()})${padded.slice(end)}`.trim();
  }
  const end = tail ? tail.index : padded.length;
  return `${padded.slice(0, end).trimEnd()} WHERE ${cond}${padded.slice(end)}`.trim();
}

export function scoped(ctx: { store: Store; accountId: string; region: string }, scope: Scope = 'region'): ScopedStore {
  const named = scope === 'region' ? { scope_account: ctx.accountId, scope_region: ctx.region } : { scope_account: ctx.accountId };
  // better-sqlite3 takes positional values and one object of named ones together.
  const bind = (params: unknown[]): unknown[] => {
    const last = params.at(-1);
    if (last && typeof last === 'object' && !Array.isArray(last) && !Buffer.isBuffer(last)) return [...params.slice(0, -1), { ...last, ...named }];
    return [...params, named];
  };
  const prepared = (sql: string) => ctx.store.stmt(scopeSql(sql, scope));
  return {
    accountId: ctx.accountId,
    region: ctx.region,
    get: <T>(sql: string, ...params: unknown[]) => prepared(sql).get(...bind(params)) as T | undefined,
    all: <T>(sql: string, ...params: unknown[]) => prepared(sql).all(...bind(params)) as T[],
    run: (sql: string, ...params: unknown[]) => prepared(sql).run(...bind(params)),
    insert(table, row) {
      const full: Record<string, unknown> = { ...row, account_id: ctx.accountId, ...(scope === 'region' ? { region: ctx.region } : {}) };
      const cols = Object.keys(full);
      if (!IDENT.test(table) || !cols.every((c) => IDENT.test(c))) throw new Error(`scoped().insert: not a plain table or column name in ${table}`);
      return ctx.store.stmt(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(full);
    },
  };
}
