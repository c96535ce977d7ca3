/** Stream records as GetRecords answers them: binaries back to bytes, the creation time as a date. */
import type { Ctx } from '../../../core/provider';

const MAX_PAGE_BYTES = 1024 * 1024;

function toBytes(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toBytes);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k === 'B' && typeof x === 'string') out[k] = Buffer.from(x, 'base64');
    else if (k === 'BS' && Array.isArray(x)) out[k] = x.map((b) => Buffer.from(String(b), 'base64'));
    else out[k] = toBytes(x);
  }
  return out;
}

/** Up to `limit` records from sequence `from`, and no more than 1 MB (at least one record). */
export function readRecords(ctx: Pick<Ctx, 'store'>, streamId: number, from: number, limit: number) {
  const rows = ctx.store
    .stmt('SELECT seq, record FROM ddb_stream_records WHERE stream_id = ? AND seq >= ? ORDER BY seq LIMIT ?')
    .all(streamId, from, limit) as { seq: number; record: string }[];
  let bytes = 0;
  let taken = 0;
  while (taken < rows.length && (taken === 0 || bytes + rows[taken]!.record.length <= MAX_PAGE_BYTES)) {
    bytes += rows[taken]!.record.length;
    taken++;
  }
  const page = rows.slice(0, taken);
  return {
    next: page.length ? page[page.length - 1]!.seq + 1 : from,
    records: page.map((r) => {
      const rec = toBytes(JSON.parse(r.record)) as { dynamodb: Record<string, unknown> };
      rec.dynamodb.ApproximateCreationDateTime = new Date((rec.dynamodb.ApproximateCreationDateTime as number) * 1000);
      return rec;
    }),
  };
}
