import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidLookupAttributes, invalidMaxResults, invalidNextToken, invalidTimeRange } from './errors';
import { cloudTrailEvent, eventId, eventSource, historyBetween, READ_ONLY, type HistoryRow } from './record';

const KEYS = new Set([
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
]);
const DAY = 86_400_000;

const username = (row: HistoryRow): string => {
  const arn = row.principal_arn;
  if (arn.endsWith(':root')) return 'root';
  return arn.split('/').pop() ?? arn;
};

/** The last 90 days of the account's calls in this region, newest first, filtered by one attribute. */
export const LookupEvents = (ctx: Ctx, input: OperationInput<'cloudtrail', 'LookupEvents'>) => {
  const attrs = input.LookupAttributes ?? [];
  if (attrs.length > 1) throw invalidLookupAttributes('You cannot have more than one lookup attribute.');
  const attr = attrs[0];
  if (attr && !KEYS.has(attr.AttributeKey))
    throw invalidLookupAttributes(`Invalid attribute key: ${attr.AttributeKey}`);
  const max = input.MaxResults ?? 50;
  if (max < 1 || max > 50) throw invalidMaxResults('Value for MaxResults is invalid. It must be between 1 and 50.');
  const now = ctx.clock.now();
  const from = input.StartTime?.getTime() ?? now - 90 * DAY;
  const to = input.EndTime?.getTime() ?? now;
  if (from > to) throw invalidTimeRange('Start time must be earlier than end time.');
  const test = (row: HistoryRow): boolean => {
    if (!attr) return true;
    const v = attr.AttributeValue;
    switch (attr.AttributeKey) {
      case 'EventId':
        return eventId(row) === v;
      case 'EventName':
        return row.operation === v;
      case 'ReadOnly':
        return String(READ_ONLY.test(row.operation)) === v;
      case 'Username':
        return username(row) === v;
      case 'EventSource':
        return eventSource(row.service) === v;
      case 'AccessKeyId':
        return row.access_key_id === v;
      default:
        return (row.request_parameters ?? '').includes(v);
    }
  };
  const rows = historyBetween(ctx.store, ctx.accountId, ctx.region, from, to).filter(test);
  let start = 0;
  if (input.NextToken) {
    start = Number(Buffer.from(input.NextToken, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0) throw invalidNextToken('Invalid NextToken.');
  }
  const slice = rows.slice(start, start + max);
  return {
    Events: slice.map((row) => ({
      EventId: eventId(row),
      EventName: row.operation,
      ReadOnly: String(READ_ONLY.test(row.operation)),
      AccessKeyId: row.access_key_id ?? undefined,
      EventTime: new Date(row.time),
      EventSource: eventSource(row.service),
      Username: username(row),
      Resources: [],
      CloudTrailEvent: JSON.stringify(cloudTrailEvent(row)),
    })),
    NextToken: start + max < rows.length ? Buffer.from(String(start + max)).toString('base64url') : undefined,
  };
};
