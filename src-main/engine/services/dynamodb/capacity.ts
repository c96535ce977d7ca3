/**
 * Capacity units with DynamoDB's arithmetic (§13.9): reads in 4 KB units, halved when eventually
 * consistent; writes in 1 KB units; at least one unit per item touched. Also the shape of
 * ConsumedCapacity for TOTAL and INDEXES.
 */
export const readUnits = (bytes: number, consistent: boolean): number =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
export const writeUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));

export interface Consumption {
  table: number;
  indexes: Record<string, number>;
  /** LSI consumption is reported separately from GSI consumption. */
  local?: Record<string, number>;
  read: boolean;
}

export function consumedCapacity(
  tableName: string,
  c: Consumption,
  mode: unknown,
): Record<string, unknown> | undefined {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined;
  const idx =
    Object.values(c.indexes).reduce((a, b) => a + b, 0) + Object.values(c.local ?? {}).reduce((a, b) => a + b, 0);
  const total = c.table + idx;
  const out: Record<string, unknown> = { TableName: tableName, CapacityUnits: total };
  if (mode === 'INDEXES') {
    out.Table = { CapacityUnits: c.table };
    if (Object.keys(c.indexes).length)
      out.GlobalSecondaryIndexes = Object.fromEntries(
        Object.entries(c.indexes).map(([k, v]) => [k, { CapacityUnits: v }]),
      );
    if (c.local && Object.keys(c.local).length)
      out.LocalSecondaryIndexes = Object.fromEntries(
        Object.entries(c.local).map(([k, v]) => [k, { CapacityUnits: v }]),
      );
  }
  return out;
}
