/** Item rows: keys in sortable encoding, secondary-index key rows, table counters, TTL column. */
import type { Ctx } from '../../../core/provider';
import { encodeKey, itemSize, type AV, type Item } from '../values';
import { recordChange, type ChangeIdentity } from './streams';
import type { IndexSpec, KeyElement, TableRow } from './tables';

type StoreCtx = Pick<Ctx, 'store'>;
/** Writers also append stream records, which carry the simulated time. */
type WriteCtx = Pick<Ctx, 'store' | 'clock'>;

export interface StoredItem {
  hk: string;
  rk: string;
  item: Item;
  size: number;
}

export const hashName = (ks: KeyElement[]): string => ks[0]!.AttributeName;
export const rangeName = (ks: KeyElement[]): string | undefined => ks[1]?.AttributeName;

/** FNV-1a over the encoded hash key: a stable spread for Scan order and segments. */
export function hashOf(hk: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < hk.length; i++) {
    h ^= hk.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function tableKeyOf(row: TableRow, item: Item): { hk: string; rk: string } {
  const ks = row.spec.keySchema;
  const r = rangeName(ks);
  return { hk: encodeKey(item[hashName(ks)]!), rk: r ? encodeKey(item[r]!) : '' };
}

/** The item's key attributes only. */
export function keyOnly(ks: KeyElement[], item: Item): Item {
  const out: Item = {};
  for (const k of ks) if (item[k.AttributeName]) out[k.AttributeName] = item[k.AttributeName]!;
  return out;
}

const scalarKey = (v: AV | undefined, type: string): v is AV =>
  !!v && (v as Record<string, unknown>)[type] !== undefined;

/** Index key of an item, or undefined when the item lacks the index's key attributes (sparse index). */
function indexKeyOf(row: TableRow, ix: IndexSpec, item: Item): { ihk: string; irk: string } | undefined {
  const typeOfAttr = (n: string) =>
    row.spec.attributeDefinitions.find((a) => a.AttributeName === n)?.AttributeType ?? 'S';
  const h = hashName(ix.keySchema);
  const r = rangeName(ix.keySchema);
  const hv = item[h];
  if (!scalarKey(hv, typeOfAttr(h))) return undefined;
  let irk = '';
  if (r) {
    const rv = item[r];
    if (!scalarKey(rv, typeOfAttr(r))) return undefined;
    irk = encodeKey(rv);
  }
  return { ihk: encodeKey(hv), irk };
}

export const allIndexes = (row: TableRow): IndexSpec[] => [
  ...row.spec.lsis,
  ...row.spec.gsis.filter((g) => !g.deleting),
];

export function getItem(ctx: StoreCtx, tableId: number, hk: string, rk: string): StoredItem | undefined {
  const r = ctx.store
    .stmt('SELECT item, size FROM ddb_items WHERE table_id = ? AND hk = ? AND rk = ?')
    .get(tableId, hk, rk) as { item: string; size: number } | undefined;
  return r ? { hk, rk, item: JSON.parse(r.item) as Item, size: r.size } : undefined;
}

function ttlOf(row: TableRow, item: Item): number | null {
  const t = row.spec.ttl;
  if (!t?.enabled) return null;
  const v = item[t.attribute];
  if (!v || v.N === undefined) return null;
  const n = Number(v.N);
  return Number.isFinite(n) ? Math.floor(n) : null;
}

/** Writes (or replaces) an item and its index rows; keeps the table's counters exact. */
export function putItem(ctx: WriteCtx, row: TableRow, item: Item, old: StoredItem | undefined): StoredItem {
  const { hk, rk } = tableKeyOf(row, item);
  const size = itemSize(item);
  if (old) removeIndexRows(ctx, row, old);
  ctx.store
    .stmt('INSERT OR REPLACE INTO ddb_items (table_id, hk, rk, hh, item, size, ttl) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(row.id, hk, rk, hashOf(hk), JSON.stringify(item), size, ttlOf(row, item));
  for (const ix of allIndexes(row)) {
    const k = indexKeyOf(row, ix, item);
    if (k)
      ctx.store
        .stmt('INSERT OR REPLACE INTO ddb_index_keys (table_id, idx, ihk, irk, hk, rk) VALUES (?, ?, ?, ?, ?, ?)')
        .run(row.id, ix.name, k.ihk, k.irk, hk, rk);
  }
  ctx.store
    .stmt('UPDATE ddb_tables SET item_count = item_count + ?, size_bytes = size_bytes + ? WHERE id = ?')
    .run(old ? 0 : 1, size - (old?.size ?? 0), row.id);
  recordChange(ctx, row, old?.item, item);
  return { hk, rk, item, size };
}

function removeIndexRows(ctx: StoreCtx, row: TableRow, old: StoredItem): void {
  for (const ix of allIndexes(row)) {
    const k = indexKeyOf(row, ix, old.item);
    if (k)
      ctx.store
        .stmt('DELETE FROM ddb_index_keys WHERE table_id = ? AND idx = ? AND ihk = ? AND irk = ? AND hk = ? AND rk = ?')
        .run(row.id, ix.name, k.ihk, k.irk, old.hk, old.rk);
  }
}

export function deleteItem(ctx: WriteCtx, row: TableRow, old: StoredItem, identity?: ChangeIdentity): void {
  removeIndexRows(ctx, row, old);
  ctx.store.stmt('DELETE FROM ddb_items WHERE table_id = ? AND hk = ? AND rk = ?').run(row.id, old.hk, old.rk);
  ctx.store
    .stmt('UPDATE ddb_tables SET item_count = item_count - 1, size_bytes = size_bytes - ? WHERE id = ?')
    .run(old.size, row.id);
  recordChange(ctx, row, old.item, undefined, identity);
}

/** Fills a new index from the table's items (GSI backfill), in batches to bound memory. */
export function backfillIndex(ctx: StoreCtx, row: TableRow, ix: IndexSpec): void {
  let after = { hk: '', rk: '' };
  let first = true;
  for (;;) {
    const rows = ctx.store
      .stmt(
        `SELECT hk, rk, item FROM ddb_items WHERE table_id = ? AND (? OR (hk, rk) > (?, ?)) ORDER BY hk, rk LIMIT 1000`,
      )
      .all(row.id, first ? 1 : 0, after.hk, after.rk) as { hk: string; rk: string; item: string }[];
    if (rows.length === 0) return;
    for (const r of rows) {
      const k = indexKeyOf(row, ix, JSON.parse(r.item) as Item);
      if (k)
        ctx.store
          .stmt('INSERT OR REPLACE INTO ddb_index_keys (table_id, idx, ihk, irk, hk, rk) VALUES (?, ?, ?, ?, ?, ?)')
          .run(row.id, ix.name, k.ihk, k.irk, r.hk, r.rk);
    }
    after = rows[rows.length - 1]!;
    first = false;
  }
}

export function dropIndex(ctx: StoreCtx, tableId: number, name: string): void {
  ctx.store.stmt('DELETE FROM ddb_index_keys WHERE table_id = ? AND idx = ?').run(tableId, name);
}

/** Recomputes the TTL column after TimeToLive changes. */
export function refreshTtl(ctx: StoreCtx, row: TableRow): void {
  const t = row.spec.ttl;
  if (!t?.enabled) {
    ctx.store.stmt('UPDATE ddb_items SET ttl = NULL WHERE table_id = ? AND ttl IS NOT NULL').run(row.id);
    return;
  }
  const rows = ctx.store.stmt('SELECT hk, rk, item FROM ddb_items WHERE table_id = ?').all(row.id) as {
    hk: string;
    rk: string;
    item: string;
  }[];
  for (const r of rows)
    ctx.store
      .stmt('UPDATE ddb_items SET ttl = ? WHERE table_id = ? AND hk = ? AND rk = ?')
      .run(ttlOf(row, JSON.parse(r.item) as Item), row.id, r.hk, r.rk);
}

export function expiredItems(ctx: StoreCtx, tableId: number, nowSeconds: number): StoredItem[] {
  const rows = ctx.store
    .stmt('SELECT hk, rk, item, size FROM ddb_items WHERE table_id = ? AND ttl IS NOT NULL AND ttl <= ? LIMIT 1000')
    .all(tableId, nowSeconds) as {
    hk: string;
    rk: string;
    item: string;
    size: number;
  }[];
  return rows.map((r) => ({ hk: r.hk, rk: r.rk, item: JSON.parse(r.item) as Item, size: r.size }));
}
