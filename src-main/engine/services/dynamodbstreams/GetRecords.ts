import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { expiredIterator, outOfRange, trimmedDataAccess, validation } from './errors';
import { decodeIterator, encodeIterator, ITERATOR_TTL_MS } from './iterator';
import { requireStream } from './state/lookup';
import { readRecords } from './state/records';

type Out = OperationOutput<'dynamodbstreams', 'GetRecords'>;

/**
 * Records from the iterator's position on, with the iterator to continue from. A closed shard read
 * to its end answers no NextShardIterator: that is how a reader (Lambda's poller) knows it is done.
 */
export const GetRecords = (ctx: Ctx, input: OperationInput<'dynamodbstreams', 'GetRecords'>): Out => {
  const limit = input.Limit ?? 1000;
  if (limit < 1 || limit > 1000) throw outOfRange(limit, 'limit', 'Member must have value between 1 and 1000');
  const pos = decodeIterator(input.ShardIterator);
  if (!pos) throw validation('Invalid ShardIterator');
  const s = requireStream(ctx, pos.arn);
  if (pos.shard !== s.shard_id) throw validation('Invalid ShardIterator');
  const now = ctx.clock.now();
  if (now - pos.issued > ITERATOR_TTL_MS) throw expiredIterator(pos.issued, now);
  if (pos.next <= s.trimmed_seq) throw trimmedDataAccess();
  const { records, next } = readRecords(ctx, s.id, pos.next, limit);
  const done = s.disabled_at !== null && next > s.last_seq;
  return {
    Records: records as NonNullable<Out['Records']>,
    ...(done ? {} : { NextShardIterator: encodeIterator({ ...pos, next, issued: now }) }),
  };
};
