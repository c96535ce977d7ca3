import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { outOfRange } from './errors';

/** The region's streams (of one table, with TableName), enabled or kept after disabling, by ARN. */
export const ListStreams = (
  ctx: Ctx,
  input: OperationInput<'dynamodbstreams', 'ListStreams'>,
): OperationOutput<'dynamodbstreams', 'ListStreams'> => {
  const limit = input.Limit ?? 100;
  if (limit < 1 || limit > 100) throw outOfRange(limit, 'limit', 'Member must have value between 1 and 100');
  const rows = ctx.store
    .stmt(
      `SELECT arn, table_name, label FROM ddb_streams
       WHERE account_id = ? AND region = ? AND (? IS NULL OR table_name = ?) AND arn > ? ORDER BY arn LIMIT ?`,
    )
    .all(ctx.accountId, ctx.region, input.TableName ?? null, input.TableName ?? null, input.ExclusiveStartStreamArn ?? '', limit + 1) as {
    arn: string;
    table_name: string;
    label: string;
  }[];
  const page = rows.slice(0, limit);
  return {
    Streams: page.map((r) => ({ StreamArn: r.arn, TableName: r.table_name, StreamLabel: r.label })),
    ...(rows.length > limit ? { LastEvaluatedStreamArn: page[page.length - 1]!.arn } : {}),
  };
};
