/** Stack events: what DescribeStackEvents lists, newest first. */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../../store/store';

export interface EventRow {
  id: number;
  stack_id: string;
  event_id: string;
  time: number;
  logical_id: string;
  physical_id: string | null;
  type: string;
  status: string;
  reason: string | null;
  properties_json: string | null;
}

export interface NewEvent {
  stackId: string;
  time: number;
  logicalId: string;
  physicalId?: string | null;
  type: string;
  status: string;
  reason?: string | null;
  properties?: unknown;
}

export function addEvent(store: Store, e: NewEvent): void {
  store
    .stmt(
      `INSERT INTO cfn_events (stack_id, event_id, time, logical_id, physical_id, type, status, reason, properties_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.stackId,
      randomUUID(),
      e.time,
      e.logicalId,
      e.physicalId ?? null,
      e.type,
      e.status,
      e.reason ?? null,
      e.properties === undefined ? null : JSON.stringify(e.properties),
    );
}

export const listEvents = (store: Store, stackId: string): EventRow[] =>
  store.stmt('SELECT * FROM cfn_events WHERE stack_id = ? ORDER BY time DESC, id DESC').all(stackId) as EventRow[];
