/** What an RDS instance row keeps as JSON besides its columns (replicas, Multi-AZ standby, parameters...). */
import type { InstanceRow } from './state/instances';

export interface InstanceExtra {
  restoredFrom?: string;
  pending?: Record<string, unknown>;
  readReplicaSource?: string;
  replicaOfResourceId?: string;
  /** Multi-AZ: the standby's subnet and zone (a failover swaps them with the primary's). */
  standby?: { subnetId: string; az: string };
  pointInTime?: { source: string; at: number };
  failover?: boolean;
  promoted?: boolean;
  engineParameters?: Record<string, string>;
  autoMinorVersionUpgrade?: boolean;
  copyTagsToSnapshot?: boolean;
  parameterGroup?: string;
}

export const extraOf = (row: InstanceRow): InstanceExtra => JSON.parse(row.extra) as InstanceExtra;
