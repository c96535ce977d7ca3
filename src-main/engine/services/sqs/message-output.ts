/** A received message as ReceiveMessage answers it: the system and message attributes asked for. */
import { md5OfAttributes, type AttributeValue } from './md5';
import { loadAttrs, receiptHandle, type MessageRow } from './state/messages';

const SYSTEM_NAMES = [
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
  'SequenceNumber',
  'MessageDeduplicationId',
  'MessageGroupId',
  'AWSTraceHeader',
  'DeadLetterQueueSourceArn',
];

function systemAttribute(row: MessageRow, name: string): string | undefined {
  switch (name) {
    case 'SenderId':
      return row.sender_id;
    case 'SentTimestamp':
      return String(row.sent_at);
    case 'ApproximateReceiveCount':
      return String(row.receive_count);
    case 'ApproximateFirstReceiveTimestamp':
      return row.first_received_at === null ? undefined : String(row.first_received_at);
    case 'SequenceNumber':
      return row.sequence_number ?? undefined;
    case 'MessageDeduplicationId':
      return row.dedup_id ?? undefined;
    case 'MessageGroupId':
      return row.group_id ?? undefined;
    case 'AWSTraceHeader':
      return loadAttrs(row.system_attributes).AWSTraceHeader?.StringValue;
    case 'DeadLetterQueueSourceArn':
      return row.dlq_source_arn ?? undefined;
  }
  return undefined;
}

/** `All`, `.*`, `prefix.*` or exact names. */
function wantsAttribute(patterns: readonly string[], name: string): boolean {
  return patterns.some((p) => p === 'All' || p === '.*' || p === name || (p.endsWith('.*') && name.startsWith(p.slice(0, -1))));
}

export interface ReceivedMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes?: Record<string, string>;
  MD5OfMessageAttributes?: string;
  MessageAttributes?: Record<string, AttributeValue>;
}

export function receivedMessage(row: MessageRow, systemNames: readonly string[], attributeNames: readonly string[]): ReceivedMessage {
  const out: ReceivedMessage = { MessageId: row.message_id, ReceiptHandle: receiptHandle(row), MD5OfBody: row.md5_body, Body: row.body };
  const names = systemNames.includes('All') ? SYSTEM_NAMES : systemNames;
  const attrs: Record<string, string> = {};
  for (const n of names) {
    const v = systemAttribute(row, n);
    if (v !== undefined) attrs[n] = v;
  }
  if (Object.keys(attrs).length) out.Attributes = attrs;
  if (attributeNames.length && row.attributes) {
    const all = loadAttrs(row.attributes);
    const picked: Record<string, AttributeValue> = {};
    for (const [k, v] of Object.entries(all)) if (wantsAttribute(attributeNames, k)) picked[k] = v;
    if (Object.keys(picked).length) {
      out.MessageAttributes = picked;
      out.MD5OfMessageAttributes = md5OfAttributes(picked);
    }
  }
  return out;
}
