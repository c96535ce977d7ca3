/**
 * RDS events (DescribeEvents, the console's "Logs & events"): one row per thing that happened to
 * an instance or snapshot, stamped with simulated time. Each is also put on the default EventBridge
 * bus as an "RDS DB Instance Event" / "RDS DB Snapshot Event", as AWS does.
 */
import type { Clock } from '../../../clock/clock';
import type { Call } from '../../../protocol/types';
import type { Store } from '../../../store/store';
import { dispatchToRules, makeEvent, matchingRules } from '../../events';
import { instanceArn, snapshotArn } from '../naming';

export type SourceType = 'db-instance' | 'db-snapshot' | 'db-parameter-group';

export interface EventRow {
  seq: number;
  account_id: string;
  region: string;
  source_id: string;
  source_type: SourceType;
  at: number;
  message: string;
  categories: string;
  event_id: string;
}

export interface EventEnv {
  store: Store;
  clock: Clock;
  call?: Call | undefined;
}

/** Records an event (inside the caller's transaction, or its own). `eventId` is AWS's RDS-EVENT-nnnn. */
export function recordEvent(
  env: EventEnv,
  scope: { accountId: string; region: string },
  e: { sourceId: string; sourceType: SourceType; message: string; categories: string[]; eventId: string },
): void {
  const at = env.clock.now();
  env.store
    .stmt('INSERT INTO rds_events (account_id, region, source_id, source_type, at, message, categories, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(scope.accountId, scope.region, e.sourceId, e.sourceType, at, e.message, JSON.stringify(e.categories), e.eventId);
  const arn = sourceArn(scope.region, scope.accountId, e.sourceType, e.sourceId);
  const bus = makeEvent({
    source: 'aws.rds',
    detailType: e.sourceType === 'db-snapshot' ? 'RDS DB Snapshot Event' : 'RDS DB Instance Event',
    account: scope.accountId,
    region: scope.region,
    at,
    resources: [arn],
    detail: { EventCategories: e.categories, SourceType: e.sourceType === 'db-snapshot' ? 'SNAPSHOT' : 'DB_INSTANCE', SourceArn: arn, Date: new Date(at).toISOString(), Message: e.message, SourceIdentifier: e.sourceId, EventID: e.eventId },
  });
  dispatchToRules({ store: env.store, clock: env.clock, ...(env.call ? { call: env.call } : {}) }, matchingRules(env.store, 'default', bus), bus);
}

export function sourceArn(region: string, accountId: string, type: SourceType, id: string): string {
  if (type === 'db-snapshot') return snapshotArn(region, accountId, id);
  if (type === 'db-parameter-group') return `arn:aws:rds:${region}:${accountId}:pg:${id}`;
  return instanceArn(region, accountId, id);
}

export function listEvents(store: Store, scope: { accountId: string; region: string }, from: number, to: number): EventRow[] {
  return store.stmt('SELECT * FROM rds_events WHERE account_id = ? AND region = ? AND at >= ? AND at <= ? ORDER BY at, seq').all(scope.accountId, scope.region, from, to) as EventRow[];
}
