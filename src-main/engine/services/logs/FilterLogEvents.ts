import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { compileFilter, FilterPatternError } from './filter-pattern';
import { requireGroup } from './group-lookup';

interface EventRow {
  id: number;
  stream: string;
  ts: number;
  ingest: number;
  message: string;
}

export const FilterLogEvents = (ctx: Ctx, input: OperationInput<'logs', 'FilterLogEvents'>) => {
  const g = requireGroup(ctx, input);
  if (input.logStreamNames && input.logStreamNamePrefix) throw invalidParameter('Cannot specify both logStreamNames and logStreamNamePrefix.');
  let test: (m: string) => boolean;
  try {
    test = compileFilter(input.filterPattern);
  } catch (e) {
    if (e instanceof FilterPatternError) throw invalidParameter(e.message);
    throw e;
  }
  const limit = Math.min(input.limit ?? 10_000, 10_000);
  let after = 0;
  if (input.nextToken) {
    after = Number(Buffer.from(input.nextToken, 'base64url').toString());
    if (!Number.isInteger(after)) throw invalidParameter('The specified nextToken is invalid.');
  }
  const names = input.logStreamNames ? new Set(input.logStreamNames) : undefined;
  const rows = ctx.store
    .stmt(
      `SELECT id, stream, ts, ingest, message FROM logs_events WHERE account_id = ? AND region = ? AND grp = ? AND ts >= ? AND ts <= ?
       ORDER BY ts, id`,
    )
    .all(g.account_id, g.region, g.name, input.startTime ?? 0, input.endTime ?? Number.MAX_SAFE_INTEGER) as EventRow[];
  const out: EventRow[] = [];
  let index = 0;
  let more = false;
  for (const r of rows) {
    if (names && !names.has(r.stream)) continue;
    if (input.logStreamNamePrefix && !r.stream.startsWith(input.logStreamNamePrefix)) continue;
    if (!test(r.message)) continue;
    index++;
    if (index <= after) continue;
    if (out.length === limit) {
      more = true;
      break;
    }
    out.push(r);
  }
  const streams = [...new Set(rows.map((r) => r.stream))].filter((s) => (!names || names.has(s)) && (!input.logStreamNamePrefix || s.startsWith(input.logStreamNamePrefix)));
  return {
    events: out.map((r) => ({ logStreamName: r.stream, timestamp: r.ts, message: r.message, ingestionTime: r.ingest, eventId: String(r.id).padStart(56, '0') })),
    searchedLogStreams: streams.map((s) => ({ logStreamName: s, searchedCompletely: !more })),
    nextToken: more ? Buffer.from(String(after + out.length)).toString('base64url') : undefined,
  };
};
