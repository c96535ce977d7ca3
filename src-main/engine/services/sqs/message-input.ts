/**
 * Checks a message as SendMessage/SendMessageBatch receive it: body characters and size, message
 * attributes (names, types, values), system attributes (only AWSTraceHeader), FIFO/standard members.
 */
import { invalidMessageContents, invalidParameterValue, invalidValue, missingParameter } from './errors';
import type { AttributeValue } from './md5';
import type { Queue } from './state/queues';

export interface MessageInput {
  MessageBody?: string;
  DelaySeconds?: number;
  MessageAttributes?: Record<string, AttributeValue>;
  MessageSystemAttributes?: Record<string, AttributeValue>;
  MessageDeduplicationId?: string;
  MessageGroupId?: string;
}

// XML 1.0 characters, the set SQS accepts in bodies and string values (tab, LF and CR among the controls).
const INVALID_CHAR = new RegExp('[^\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]', 'u');

function checkChars(text: string, what: string): void {
  const m = INVALID_CHAR.exec(text);
  if (m) {
    const hex = m[0].codePointAt(0)!.toString(16).toUpperCase();
    throw invalidMessageContents(
      `Invalid binary character '#x${hex}' was found in the ${what}, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF`,
    );
  }
}

const NAME = /^[A-Za-z0-9_\-.]{1,256}$/;

/** Bytes a message attribute adds to the message size (name + type + value). */
function checkAttributes(attrs: Record<string, AttributeValue> | undefined, kind: 'user' | 'system'): number {
  if (!attrs) return 0;
  const names = Object.keys(attrs);
  if (kind === 'user' && names.length > 10) throw invalidParameterValue(`Number of message attributes [${names.length}] exceeds the allowed maximum [10].`);
  let size = 0;
  for (const name of names) {
    const a = attrs[name]!;
    if (kind === 'system') {
      if (name !== 'AWSTraceHeader') throw invalidParameterValue(`Message system attribute name '${name}' is invalid.`);
      if (a.DataType !== 'String' || a.StringValue === undefined) throw invalidParameterValue(`Message system attribute '${name}' must contain a String value.`);
    }
    if (!NAME.test(name) || name.startsWith('.') || name.endsWith('.') || name.includes('..') || (kind === 'user' && /^(aws\.|amazon\.)/i.test(name))) {
      throw invalidParameterValue(`Message (user) attribute name '${name}' is invalid. The attribute name can contain A-Z, a-z, 0-9, underscore (_), hyphen (-), and period (.) characters.`);
    }
    const type = a.DataType ?? '';
    const base = /^(String|Number|Binary)(\..+)?$/.exec(type)?.[1];
    if (!base) throw invalidParameterValue(`The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`);
    size += Buffer.byteLength(name) + Buffer.byteLength(type);
    if (base === 'Binary') {
      if (a.StringValue !== undefined) throw invalidParameterValue(`The message (user) attribute '${name}' with type 'Binary' must use field 'Binary'.`);
      if (!a.BinaryValue || a.BinaryValue.length === 0) throw invalidParameterValue(`The message (user) attribute '${name}' must contain a non-empty message attribute value.`);
      size += a.BinaryValue.length;
    } else {
      if (a.BinaryValue !== undefined) throw invalidParameterValue(`The message (user) attribute '${name}' with type '${base}' must use field 'String'.`);
      if (a.StringValue === undefined || a.StringValue === '') throw invalidParameterValue(`The message (user) attribute '${name}' must contain a non-empty message attribute value.`);
      checkChars(a.StringValue, `message attribute '${name}'`);
      if (base === 'Number' && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(a.StringValue.trim())) {
        throw invalidParameterValue(`Can't cast the value of message (user) attribute '${name}' to a number.`);
      }
      size += Buffer.byteLength(a.StringValue);
    }
  }
  return size;
}

export interface CheckedMessage {
  body: string;
  delaySeconds: number;
  groupId?: string;
  dedupId?: string;
}

export function checkMessage(q: Queue, m: MessageInput): CheckedMessage {
  const body = m.MessageBody;
  if (body === undefined || body === '') throw missingParameter('MessageBody');
  checkChars(body, 'message body');
  const size = Buffer.byteLength(body) + checkAttributes(m.MessageAttributes, 'user');
  checkAttributes(m.MessageSystemAttributes, 'system');
  const max = Number(q.attrs.MaximumMessageSize);
  if (size > max) throw invalidParameterValue(`One or more parameters are invalid. Reason: Message must be shorter than ${max} bytes.`);
  const fifo = q.fifo === 1;
  if (m.DelaySeconds !== undefined) {
    if (fifo) throw invalidValue(m.DelaySeconds, 'DelaySeconds', 'The request include parameter that is not valid for this queue type.');
    if (m.DelaySeconds < 0 || m.DelaySeconds > 900) throw invalidValue(m.DelaySeconds, 'DelaySeconds', 'must be between 0 and 900, if provided.');
  }
  const delaySeconds = m.DelaySeconds ?? Number(q.attrs.DelaySeconds);
  if (!fifo) {
    if (m.MessageDeduplicationId !== undefined) throw invalidValue(m.MessageDeduplicationId, 'MessageDeduplicationId', 'The request include parameter that is not valid for this queue type');
    return { body, delaySeconds, groupId: m.MessageGroupId };
  }
  if (m.MessageGroupId === undefined || m.MessageGroupId === '') throw missingParameter('MessageGroupId');
  checkId(m.MessageGroupId, 'MessageGroupId');
  const dedupId = m.MessageDeduplicationId;
  if (dedupId === undefined) {
    if (q.attrs.ContentBasedDeduplication !== 'true') {
      throw invalidParameterValue('The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
    }
  } else checkId(dedupId, 'MessageDeduplicationId');
  return { body, delaySeconds, groupId: m.MessageGroupId, dedupId };
}

// Group and deduplication ids: up to 128 characters of alphanumerics and punctuation.
function checkId(id: string, member: string): void {
  if (id.length > 128 || !/^[\x21-\x7E]+$/.test(id)) throw invalidValue(id, member, `${member} can only include alphanumeric and punctuation characters. 1 to 128 in length.`);
}
