import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { resourceNotFound, trimmedDataAccess, validation } from './errors';
import { encodeIterator } from './iterator';
import { requireStream } from './state/lookup';

const TYPES = ['AFTER_SEQUENCE_NUMBER', 'LATEST', 'AT_SEQUENCE_NUMBER', 'TRIM_HORIZON'];

/** An iterator at the oldest kept record, after the newest, or at/after a sequence number. */
export const GetShardIterator = (
  ctx: Ctx,
  input: OperationInput<'dynamodbstreams', 'GetShardIterator'>,
): OperationOutput<'dynamodbstreams', 'GetShardIterator'> => {
  if (!TYPES.includes(input.ShardIteratorType))
    throw validation(
      `1 validation error detected: Value '${input.ShardIteratorType}' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [${TYPES.join(', ')}]`,
    );
  const s = requireStream(ctx, input.StreamArn);
  if (input.ShardId !== s.shard_id) throw resourceNotFound('Requested resource not found: Shard does not exist');
  let next = input.ShardIteratorType === 'TRIM_HORIZON' ? s.trimmed_seq + 1 : s.last_seq + 1;
  if (input.ShardIteratorType.endsWith('SEQUENCE_NUMBER')) {
    const text = input.SequenceNumber;
    if (text === undefined) throw validation('Must provide a sequence number for sequence number based iterators');
    const seq = /^\d{1,40}$/.test(text) ? Number(text) : NaN;
    if (!(seq >= 1 && seq <= s.last_seq)) throw validation(`Invalid SequenceNumber: ${text}`);
    if (seq <= s.trimmed_seq) throw trimmedDataAccess();
    next = input.ShardIteratorType === 'AT_SEQUENCE_NUMBER' ? seq : seq + 1;
  }
  return { ShardIterator: encodeIterator({ arn: s.arn, shard: s.shard_id, next, issued: ctx.clock.now() }) };
};
