/** Streams, read side: a stream by ARN in the caller's account and region, and its one shard. */
import type { Ctx } from '../../../core/provider';
import { streamNotFound } from '../errors';
import { sequenceText, type StreamRow } from './streams';

export function requireStream(ctx: Ctx, arn: string): StreamRow {
  const s = ctx.store
    .stmt('SELECT * FROM ddb_streams WHERE account_id = ? AND region = ? AND arn = ?')
    .get(ctx.accountId, ctx.region, arn) as StreamRow | undefined;
  if (!s) throw streamNotFound(arn);
  return s;
}

export const statusOf = (s: StreamRow): string => (s.disabled_at !== null ? 'DISABLED' : 'ENABLED');

/** The shard: open while the stream is enabled, closed at its last record once disabled. */
export const shardOf = (s: StreamRow) => ({
  ShardId: s.shard_id,
  SequenceNumberRange: {
    StartingSequenceNumber: sequenceText(1),
    ...(s.disabled_at !== null ? { EndingSequenceNumber: sequenceText(Math.max(s.last_seq, 1)) } : {}),
  },
});
