import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { outOfRange } from './errors';
import { requireStream, shardOf, statusOf } from './state/lookup';

/** A stream's description with its one shard (none after ExclusiveStartShardId has passed it). */
export const DescribeStream = (
  ctx: Ctx,
  input: OperationInput<'dynamodbstreams', 'DescribeStream'>,
): OperationOutput<'dynamodbstreams', 'DescribeStream'> => {
  const limit = input.Limit ?? 100;
  if (limit < 1 || limit > 100) throw outOfRange(limit, 'limit', 'Member must have value between 1 and 100');
  const s = requireStream(ctx, input.StreamArn);
  const passed = input.ExclusiveStartShardId !== undefined && input.ExclusiveStartShardId >= s.shard_id;
  return {
    StreamDescription: {
      StreamArn: s.arn,
      StreamLabel: s.label,
      StreamStatus: statusOf(s),
      StreamViewType: s.view_type,
      CreationRequestDateTime: new Date(s.created_at),
      TableName: s.table_name,
      KeySchema: JSON.parse(s.key_schema) as { AttributeName: string; KeyType: string }[],
      Shards: passed ? [] : [shardOf(s)],
    },
  };
};
