/** Table definitions: load, save, status on the simulated clock, and DynamoDB's TableDescription. */
import type { Ctx } from '../../../core/provider';
import { resourceNotFound, tableNotFound } from '../errors';

export interface KeyElement {
  AttributeName: string;
  KeyType: 'HASH' | 'RANGE';
}
export interface Projection {
  ProjectionType?: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  NonKeyAttributes?: string[];
}
export interface IndexSpec {
  name: string;
  keySchema: KeyElement[];
  projection: Projection;
  rcu?: number;
  wcu?: number;
  /** Simulated time at which a new index finishes backfilling (ACTIVE after it). */
  readyAt: number;
  deleting?: boolean;
}
export interface TableSpec {
  tableId: string;
  name: string;
  arn: string;
  createdAt: number;
  keySchema: KeyElement[];
  attributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  rcu: number;
  wcu: number;
  lastIncrease?: number;
  lastDecrease?: number;
  decreasesToday: number;
  lsis: IndexSpec[];
  gsis: IndexSpec[];
  stream?: { enabled: boolean; viewType?: string; label?: string };
  sse?: { enabled: boolean; type?: string; kmsKey?: string };
  ttl?: { attribute: string; enabled: boolean };
  deletionProtection: boolean;
  tableClass?: string;
  tags: { Key: string; Value: string }[];
  /** The table is CREATING / UPDATING until this simulated time. */
  busyUntil: number;
  busyStatus: 'CREATING' | 'UPDATING';
}

export interface TableRow {
  id: number;
  spec: TableSpec;
  itemCount: number;
  sizeBytes: number;
}

/** Simulated seconds a table takes to become ACTIVE, and an index to backfill. */
export const CREATE_MS = 5_000;
export const UPDATE_MS = 3_000;
export const BACKFILL_MS = 10_000;

interface Raw {
  id: number;
  spec: string;
  item_count: number;
  size_bytes: number;
}

const fromRaw = (r: Raw): TableRow => ({
  id: r.id,
  spec: JSON.parse(r.spec) as TableSpec,
  itemCount: r.item_count,
  sizeBytes: r.size_bytes,
});

export function findTable(ctx: Pick<Ctx, 'store' | 'accountId' | 'region'>, name: string): TableRow | undefined {
  const r = ctx.store
    .stmt('SELECT id, spec, item_count, size_bytes FROM ddb_tables WHERE account_id = ? AND region = ? AND name = ?')
    .get(ctx.accountId, ctx.region, name) as Raw | undefined;
  return r ? fromRaw(r) : undefined;
}

export function tableById(ctx: Pick<Ctx, 'store'>, id: number): TableRow | undefined {
  const r = ctx.store.stmt('SELECT id, spec, item_count, size_bytes FROM ddb_tables WHERE id = ?').get(id) as
    Raw | undefined;
  return r ? fromRaw(r) : undefined;
}

export const tableStatus = (spec: TableSpec, now: number): string =>
  now < spec.busyUntil ? spec.busyStatus : 'ACTIVE';

/** For control-plane calls: the table whatever its status ("Table: X not found"). */
export function requireTable(ctx: Ctx, name: string): TableRow {
  const t = findTable(ctx, name);
  if (!t) throw tableNotFound(name);
  return t;
}

/** For data-plane calls: a CREATING table is not there yet ("Requested resource not found"). */
export function requireActiveTable(ctx: Ctx, name: string): TableRow {
  const t = findTable(ctx, name);
  if (!t || tableStatus(t.spec, ctx.clock.now()) === 'CREATING') throw resourceNotFound();
  return t;
}

export function saveSpec(ctx: Pick<Ctx, 'store'>, id: number, spec: TableSpec): void {
  ctx.store.stmt('UPDATE ddb_tables SET spec = ? WHERE id = ?').run(JSON.stringify(spec), id);
}

export function listTableNames(ctx: Pick<Ctx, 'store' | 'accountId' | 'region'>): string[] {
  return (
    ctx.store
      .stmt('SELECT name FROM ddb_tables WHERE account_id = ? AND region = ? ORDER BY name')
      .all(ctx.accountId, ctx.region) as { name: string }[]
  ).map((r) => r.name);
}

export const indexStatus = (ix: IndexSpec, now: number): string =>
  ix.deleting ? 'DELETING' : now < ix.readyAt ? 'CREATING' : 'ACTIVE';

const epochSeconds = (ms: number): number => ms / 1000;

function throughputOf(spec: TableSpec, rcu: number | undefined, wcu: number | undefined, table = false) {
  const t: Record<string, unknown> = {
    NumberOfDecreasesToday: table ? spec.decreasesToday : 0,
    ReadCapacityUnits: spec.billingMode === 'PAY_PER_REQUEST' ? 0 : (rcu ?? 0),
    WriteCapacityUnits: spec.billingMode === 'PAY_PER_REQUEST' ? 0 : (wcu ?? 0),
  };
  if (table && spec.lastIncrease) t.LastIncreaseDateTime = new Date(spec.lastIncrease);
  if (table && spec.lastDecrease) t.LastDecreaseDateTime = new Date(spec.lastDecrease);
  return t;
}

/** Item counts of an index: the rows it holds. */
function indexCounts(ctx: Pick<Ctx, 'store'>, id: number, name: string): { count: number; size: number } {
  const r = ctx.store
    .stmt(
      `SELECT COUNT(*) AS count, COALESCE(SUM(i.size), 0) AS size FROM ddb_index_keys k
       JOIN ddb_items i ON i.table_id = k.table_id AND i.hk = k.hk AND i.rk = k.rk WHERE k.table_id = ? AND k.idx = ?`,
    )
    .get(id, name) as { count: number; size: number };
  return r;
}

/** DynamoDB's TableDescription, as DescribeTable/CreateTable/UpdateTable/DeleteTable answer it. */
export function describeTable(
  ctx: Pick<Ctx, 'store' | 'clock'>,
  row: TableRow,
  statusOverride?: string,
): Record<string, unknown> {
  const { spec } = row;
  const now = ctx.clock.now();
  const d: Record<string, unknown> = {
    AttributeDefinitions: spec.attributeDefinitions,
    TableName: spec.name,
    KeySchema: spec.keySchema,
    TableStatus: statusOverride ?? tableStatus(spec, now),
    CreationDateTime: new Date(spec.createdAt),
    ProvisionedThroughput: throughputOf(spec, spec.rcu, spec.wcu, true),
    TableSizeBytes: row.sizeBytes,
    ItemCount: row.itemCount,
    TableArn: spec.arn,
    TableId: spec.tableId,
  };
  if (spec.billingMode === 'PAY_PER_REQUEST')
    d.BillingModeSummary = {
      BillingMode: 'PAY_PER_REQUEST',
      LastUpdateToPayPerRequestDateTime: new Date(spec.createdAt),
    };
  if (spec.lsis.length) {
    d.LocalSecondaryIndexes = spec.lsis.map((ix) => {
      const c = indexCounts(ctx, row.id, ix.name);
      return {
        IndexName: ix.name,
        KeySchema: ix.keySchema,
        Projection: ix.projection,
        IndexSizeBytes: c.size,
        ItemCount: c.count,
        IndexArn: `${spec.arn}/index/${ix.name}`,
      };
    });
  }
  if (spec.gsis.length) {
    d.GlobalSecondaryIndexes = spec.gsis.map((ix) => {
      const status = indexStatus(ix, now);
      const c = indexCounts(ctx, row.id, ix.name);
      const g: Record<string, unknown> = {
        IndexName: ix.name,
        KeySchema: ix.keySchema,
        Projection: ix.projection,
        IndexStatus: status,
        ProvisionedThroughput: throughputOf(spec, ix.rcu, ix.wcu),
        IndexSizeBytes: c.size,
        ItemCount: c.count,
        IndexArn: `${spec.arn}/index/${ix.name}`,
      };
      if (status === 'CREATING') g.Backfilling = true;
      return g;
    });
  }
  if (spec.stream?.enabled) {
    d.StreamSpecification = { StreamEnabled: true, StreamViewType: spec.stream.viewType };
    d.LatestStreamLabel = spec.stream.label;
    d.LatestStreamArn = `${spec.arn}/stream/${spec.stream.label}`;
  }
  if (spec.sse?.enabled)
    d.SSEDescription = {
      Status: 'ENABLED',
      SSEType: spec.sse.type ?? 'KMS',
      KMSMasterKeyArn:
        spec.sse.kmsKey ?? `arn:aws:kms:${spec.arn.split(':')[3]}:${spec.arn.split(':')[4]}:key/aws-dynamodb`,
    };
  if (spec.tableClass && spec.tableClass !== 'STANDARD') d.TableClassSummary = { TableClass: spec.tableClass };
  d.DeletionProtectionEnabled = spec.deletionProtection;
  void epochSeconds;
  return d;
}
