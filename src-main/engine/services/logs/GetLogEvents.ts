import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter, streamNotFound } from './errors';
import { requireGroup } from './group-lookup';
import { findStream } from './state/groups';

interface EventRow {
  id: number;
  ts: number;
  ingest: number;
  message: string;
}

/**
 * Pages by event id: `f/<id>` continues forward after id, `b/<id>` backward before it. Without a
 * token, startFromHead picks the oldest events, otherwise the newest (as GetLogEvents does).
 */
export const GetLogEvents = (ctx: Ctx, input: OperationInput<'logs', 'GetLogEvents'>) => {
  const g = requireGroup(ctx, input);
  if (!findStream(ctx, g.name, input.logStreamName)) throw streamNotFound();
  const limit = Math.min(input.limit ?? 10_000, 10_000);
  let dir: 'f' | 'b' = input.startFromHead ? 'f' : 'b';
  let edge = dir === 'f' ? 0 : Number.MAX_SAFE_INTEGER;
  if (input.nextToken) {
    const m = /^([fb])\/(\d+)$/.exec(input.nextToken);
    if (!m) throw invalidParameter('The specified nextToken is invalid.');
    dir = m[1] as 'f' | 'b';
    edge = Number(m[2]);
  }
  const from = input.startTime ?? 0;
  const to = input.endTime ?? Number.MAX_SAFE_INTEGER;
  const rows = ctx.store
    .stmt(
      `SELECT id, ts, ingest, message FROM logs_events WHERE account_id = ? AND region = ? AND grp = ? AND stream = ? AND ts >= ? AND ts < ?
         AND ${dir === 'f' ? 'id > ?' : 'id < ?'} ORDER BY ts ${dir === 'f' ? 'ASC' : 'DESC'}, id ${dir === 'f' ? 'ASC' : 'DESC'} LIMIT ?`,
    )
    .all(g.account_id, g.region, g.name, input.logStreamName, from, to, edge, limit) as EventRow[];
  if (dir === 'b') rows.reverse();
  const first = rows[0]?.id;
  const last = rows[rows.length - 1]?.id;
  return {
    events: rows.map((r) => ({ timestamp: r.ts, message: r.message, ingestionTime: r.ingest })),
    nextForwardToken: `f/${last ?? (dir === 'f' ? edge : Math.max(0, edge - 1))}`,
    nextBackwardToken: `b/${first ?? edge}`,
  };
};
