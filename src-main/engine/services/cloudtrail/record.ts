/**
 * The lab's event history (core `events` table: one row per call) in CloudTrail's event format,
 * for LookupEvents and for EventBridge's "AWS API Call via CloudTrail" events.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../store/store';
import { responseElements } from './responses';

export interface HistoryRow {
  id: number;
  account_id: string;
  region: string;
  time: number;
  source: string;
  principal_arn: string;
  access_key_id: string | null;
  service: string;
  operation: string;
  request_id: string;
  source_ip: string | null;
  user_agent: string | null;
  error_code: string | null;
  error_message: string | null;
  request_parameters: string | null;
  user_id?: string | null;
  /** What responses.ts noted for this call (joined from ct_responses). */
  response_body?: string | null;
}

/** Operations that only read, by AWS's naming (CloudTrail's readOnly flag). */
export const READ_ONLY =
  /^(Describe|Get|List|Head|Lookup|Search|Select|Simulate|Validate|Estimate|Preview|Query|Scan|BatchGet|Test)/;

const EVENT_SOURCE: Record<string, string> = {
  elasticloadbalancingv2: 'elasticloadbalancing',
  'resource-groups': 'resource-groups',
};
export const eventSource = (service: string): string => `${EVENT_SOURCE[service] ?? service}.amazonaws.com`;

/** A stable UUID per history row. */
export function eventId(row: { id: number; request_id: string }): string {
  const h = createHash('sha1').update(`${row.id}/${row.request_id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const lowerFirst = (k: string) => (/^[A-Z]{2,}/.test(k) ? k : k.charAt(0).toLowerCase() + k.slice(1));

function camel(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camel);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [lowerFirst(k), camel(x)]));
  return v;
}

function identity(row: HistoryRow): Record<string, unknown> {
  const arn = row.principal_arn;
  const base = { accountId: row.account_id, arn, ...(row.access_key_id ? { accessKeyId: row.access_key_id } : {}) };
  if (/:root$/.test(arn)) return { type: 'Root', principalId: row.account_id, ...base };
  if (/:assumed-role\//.test(arn))
    return { type: 'AssumedRole', principalId: row.user_id ?? arn.split('/').pop(), ...base };
  const svc = /aws-service-role\/(.+)$/.exec(arn);
  if (svc) return { type: 'AWSService', invokedBy: svc[1] };
  if (/:user\//.test(arn))
    return { type: 'IAMUser', principalId: row.user_id ?? undefined, userName: arn.split('/').pop(), ...base };
  return { type: 'Unknown', ...base };
}

const USER_AGENT: Record<string, string> = {
  console: 'console.amazonaws.com',
  cli: 'aws-cli/2 nimbus-lab-terminal',
  guest: 'aws-cli/2 nimbus-lab-instance',
  internal: 'nimbus-lab',
};

/** The CloudTrail record of one history row. */
export function cloudTrailEvent(row: HistoryRow): Record<string, unknown> {
  let params: unknown = null;
  if (row.request_parameters) {
    try {
      params = camel(JSON.parse(row.request_parameters));
    } catch {
      params = null;
    }
  }
  return {
    eventVersion: '1.08',
    userIdentity: identity(row),
    eventTime: new Date(row.time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: eventSource(row.service),
    eventName: row.operation,
    awsRegion: row.region,
    sourceIPAddress:
      row.source_ip ??
      (row.principal_arn.includes('aws-service-role/')
        ? eventSource(row.principal_arn.split('/').pop()!.replace('.amazonaws.com', ''))
        : '127.0.0.1'),
    userAgent: row.user_agent ?? USER_AGENT[row.source] ?? 'nimbus-lab',
    ...(row.error_code ? { errorCode: row.error_code, errorMessage: row.error_message ?? '' } : {}),
    requestParameters: params,
    responseElements: responseElements(row, params),
    requestID: row.request_id,
    eventID: eventId(row),
    readOnly: READ_ONLY.test(row.operation),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: row.account_id,
    eventCategory: 'Management',
  };
}

const SELECT = `SELECT e.*, k.user_id, r.body AS response_body FROM events e LEFT JOIN access_keys k ON k.access_key_id = e.access_key_id
  LEFT JOIN ct_responses r ON r.request_id = e.request_id`;

/** History rows after `afterId`, oldest first (EventBridge's cursor). */
export function historyAfter(store: Store, afterId: number, limit = 500): HistoryRow[] {
  return store.stmt(`${SELECT} WHERE e.id > ? ORDER BY e.id LIMIT ?`).all(afterId, limit) as HistoryRow[];
}

export function lastHistoryId(store: Store): number {
  return (store.stmt('SELECT MAX(id) AS id FROM events').get() as { id: number | null }).id ?? 0;
}

/** Rows of one account and region in [from, to], newest first. */
export function historyBetween(
  store: Store,
  accountId: string,
  region: string,
  from: number,
  to: number,
): HistoryRow[] {
  return store
    .stmt(
      `${SELECT} WHERE e.account_id = ? AND e.region = ? AND e.time >= ? AND e.time <= ? ORDER BY e.time DESC, e.id DESC`,
    )
    .all(accountId, region, from, to) as HistoryRow[];
}
