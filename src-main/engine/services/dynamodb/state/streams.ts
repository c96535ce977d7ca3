/**
 * The table's side of DynamoDB Streams: tell the dynamodbstreams service when a table's stream is
 * enabled, replaced or gone, and hand it each item change (inside the change's own transaction).
 */
import type { Ctx } from '../../../core/provider';
import { appendRecord, closeStreamsOf, syncStream } from '../../dynamodbstreams';
import { equalValues, itemSize, type Item } from '../values';
import type { TableRow, TableSpec } from './tables';

export type ChangeIdentity = { PrincipalId: string; Type: string } | undefined;

/** After CreateTable/UpdateTable saved the spec. */
export function syncTableStream(ctx: Pick<Ctx, 'store'>, tableId: number, spec: TableSpec, now: number): void {
  syncStream(
    ctx,
    {
      tableId,
      tableName: spec.name,
      tableArn: spec.arn,
      keySchema: spec.keySchema,
      stream: spec.stream?.enabled ? { label: spec.stream.label!, viewType: spec.stream.viewType ?? 'KEYS_ONLY' } : undefined,
    },
    now,
  );
}

export { closeStreamsOf };

/** One item change; an unchanged item (a PutItem of the same item) writes no record, as DynamoDB does. */
export function recordChange(
  ctx: Pick<Ctx, 'store' | 'clock'>,
  row: TableRow,
  oldItem: Item | undefined,
  newItem: Item | undefined,
  identity?: ChangeIdentity,
): void {
  if (!row.spec.stream?.enabled) return;
  if (oldItem && newItem && equalValues({ M: oldItem }, { M: newItem })) return;
  const whole = (newItem ?? oldItem)!;
  const keys: Item = {};
  for (const k of row.spec.keySchema) keys[k.AttributeName] = whole[k.AttributeName]!;
  appendRecord(ctx, row.id, {
    keys,
    oldImage: oldItem,
    newImage: newItem,
    sizes: { keys: itemSize(keys), old: oldItem ? itemSize(oldItem) : 0, new: newItem ? itemSize(newItem) : 0 },
    identity,
  });
}
