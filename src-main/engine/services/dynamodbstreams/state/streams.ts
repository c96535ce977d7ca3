/**
 * Streams, write side: one stream row per enabled stream (one shard each), and one record per item
 * change, appended by the dynamodb service inside the change's own transaction (through index.ts),
 * so a record exists exactly when its change committed.
 */
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../../core/provider';

type StoreCtx = Pick<Ctx, 'store'>;
/** An item in DynamoDB's JSON, as the table stores it (binaries as base64 text). */
export type StreamItem = Record<string, unknown>;

/** Records and disabled streams are kept 24 hours, as DynamoDB keeps them. */
export const RETENTION_MS = 24 * 3600_000;

export interface StreamRow {
  id: number;
  account_id: string;
  region: string;
  arn: string;
  table_id: number | null;
  table_name: string;
  label: string;
  view_type: string;
  key_schema: string;
  shard_id: string;
  created_at: number;
  disabled_at: number | null;
  last_seq: number;
  trimmed_seq: number;
}

/** What the table says about its stream (from its spec). */
export interface TableStream {
  tableId: number;
  tableName: string;
  tableArn: string;
  keySchema: { AttributeName: string; KeyType: string }[];
  /** Undefined when the table has no enabled stream. */
  stream?: { label: string; viewType: string };
}

export const streamArn = (tableArn: string, label: string): string => `${tableArn}/stream/${label}`;

/** DynamoDB's shard ids: a creation stamp and eight hex digits. */
const shardIdFor = (at: number): string => `shardId-${String(at).padStart(20, '0')}-${randomBytes(4).toString('hex')}`;

/** Sequence numbers travel as decimal strings of fixed width (so they also compare as text). */
export const sequenceText = (seq: number): string => String(seq).padStart(21, '0');

/**
 * Brings the stream rows in line with a table after CreateTable/UpdateTable: a newly enabled stream
 * gets its row, a disabled or replaced one closes its shard.
 */
export function syncStream(ctx: StoreCtx, t: TableStream, now: number): void {
  const live = ctx.store
    .stmt('SELECT id, arn FROM ddb_streams WHERE table_id = ? AND disabled_at IS NULL')
    .all(t.tableId) as { id: number; arn: string }[];
  const want = t.stream ? streamArn(t.tableArn, t.stream.label) : undefined;
  for (const s of live)
    if (s.arn !== want) ctx.store.stmt('UPDATE ddb_streams SET disabled_at = ? WHERE id = ?').run(now, s.id);
  if (!want || live.some((s) => s.arn === want)) return;
  const [, , , region, account] = t.tableArn.split(':');
  ctx.store
    .stmt(
      `INSERT INTO ddb_streams (account_id, region, arn, table_id, table_name, label, view_type, key_schema, shard_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      account,
      region,
      want,
      t.tableId,
      t.tableName,
      t.stream!.label,
      t.stream!.viewType,
      JSON.stringify(t.keySchema),
      shardIdFor(now),
      now,
    );
}

/** DeleteTable: the stream stays readable for 24 hours, its shard closed. */
export function closeStreamsOf(ctx: StoreCtx, tableId: number, now: number): void {
  ctx.store
    .stmt('UPDATE ddb_streams SET disabled_at = COALESCE(disabled_at, ?), table_id = NULL WHERE table_id = ?')
    .run(now, tableId);
}

export interface ItemChange {
  keys: StreamItem;
  oldImage?: StreamItem;
  newImage?: StreamItem;
  /** DynamoDB's item sizes of keys and images (the record's SizeBytes counts what it carries). */
  sizes: { keys: number; old: number; new: number };
  /** Who made a change no caller made (TTL deletes carry the service's identity). */
  identity?: { PrincipalId: string; Type: string };
}

/** Appends the record of one item change to the table's live stream, if it has one. */
export function appendRecord(ctx: Pick<Ctx, 'store' | 'clock'>, tableId: number, change: ItemChange): void {
  const s = ctx.store
    .stmt('SELECT id, region, view_type, last_seq FROM ddb_streams WHERE table_id = ? AND disabled_at IS NULL')
    .get(tableId) as Pick<StreamRow, 'id' | 'region' | 'view_type' | 'last_seq'> | undefined;
  if (!s) return;
  const now = ctx.clock.now();
  const seq = s.last_seq + 1;
  const view = s.view_type;
  const body: Record<string, unknown> = { ApproximateCreationDateTime: Math.floor(now / 1000), Keys: change.keys };
  let size = change.sizes.keys;
  if (change.newImage && (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES')) {
    body.NewImage = change.newImage;
    size += change.sizes.new;
  }
  if (change.oldImage && (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES')) {
    body.OldImage = change.oldImage;
    size += change.sizes.old;
  }
  body.SequenceNumber = sequenceText(seq);
  body.SizeBytes = size;
  body.StreamViewType = view;
  const record: Record<string, unknown> = {
    eventID: randomBytes(16).toString('hex'),
    eventName: !change.oldImage ? 'INSERT' : !change.newImage ? 'REMOVE' : 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: s.region,
    dynamodb: body,
    ...(change.identity ? { userIdentity: change.identity } : {}),
  };
  ctx.store
    .stmt('INSERT INTO ddb_stream_records (stream_id, seq, created_at, record) VALUES (?, ?, ?, ?)')
    .run(s.id, seq, now, JSON.stringify(record));
  ctx.store.stmt('UPDATE ddb_streams SET last_seq = ? WHERE id = ?').run(seq, s.id);
}

/** Drops records and disabled streams older than the retention period. */
export function trimStreams(ctx: StoreCtx, now: number): void {
  const horizon = now - RETENTION_MS;
  const old = ctx.store
    .stmt('SELECT stream_id AS id, MAX(seq) AS seq FROM ddb_stream_records WHERE created_at < ? GROUP BY stream_id')
    .all(horizon) as { id: number; seq: number }[];
  for (const { id, seq } of old) {
    ctx.store.stmt('DELETE FROM ddb_stream_records WHERE stream_id = ? AND seq <= ?').run(id, seq);
    ctx.store.stmt('UPDATE ddb_streams SET trimmed_seq = MAX(trimmed_seq, ?) WHERE id = ?').run(seq, id);
  }
  ctx.store.stmt('DELETE FROM ddb_streams WHERE disabled_at IS NOT NULL AND disabled_at < ?').run(horizon);
}
