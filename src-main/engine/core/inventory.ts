/**
 * A service's inventory for chapter clean-up (its manifest's `inventory` field): how to list what a
 * learner made, beyond the account's defaults, as flat keys (`ec2:us-east-1:instance:i-0abc…`).
 * engine/labs/inventory.ts runs every manifest's kinds before a chapter and after its clean-up.
 */

export interface InventoryItem {
  key: string;
  label: string;
}

/** What a lister may do: Describe/List/Get calls as the root user (source 'internal'). */
export interface InventoryReader {
  aws(service: string, operation: string, input?: Record<string, unknown>, region?: string): Promise<Record<string, unknown>>;
}

export interface InventoryKind {
  /** The List/Describe operation the kind needs; a kind whose operation has no handler is reported unchecked. */
  operation: string;
  /** The service that answers `operation`, when not the manifest's own. */
  service?: string;
  /** Listed once (in us-east-1) rather than per region: IAM, S3 buckets. */
  global?: boolean;
  list(ctx: InventoryReader, region: string): Promise<InventoryItem[]>;
}

export type Obj = Record<string, unknown>;
export const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
export const inventoryItem = (key: string, label: string): InventoryItem => ({ key, label });
