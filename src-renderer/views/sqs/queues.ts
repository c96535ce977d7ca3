/**
 * The SQS pages' pure parts: the Create queue form → CreateQueue's input (with SQS's own name and
 * range rules, so the form can say what is wrong before asking), queue names from URLs, and the
 * counters a queue's attributes carry.
 */

export interface QueueForm {
  name: string;
  fifo: boolean;
  contentBasedDeduplication: boolean;
  visibilityTimeout: number;
  messageRetentionPeriod: number;
  delaySeconds: number;
  maximumMessageSize: number;
  receiveMessageWaitTimeSeconds: number;
  /** ARN of the dead-letter queue, '' for none. */
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export const defaultQueueForm = (): QueueForm => ({
  name: '',
  fifo: false,
  contentBasedDeduplication: false,
  visibilityTimeout: 30,
  messageRetentionPeriod: 345_600,
  delaySeconds: 0,
  maximumMessageSize: 262_144,
  receiveMessageWaitTimeSeconds: 0,
  deadLetterTargetArn: '',
  maxReceiveCount: 10,
});

const RANGES: [keyof QueueForm, string, number, number][] = [
  ['visibilityTimeout', 'Visibility timeout', 0, 43_200],
  ['messageRetentionPeriod', 'Message retention period', 60, 1_209_600],
  ['delaySeconds', 'Delivery delay', 0, 900],
  ['maximumMessageSize', 'Maximum message size', 1024, 262_144],
  ['receiveMessageWaitTimeSeconds', 'Receive message wait time', 0, 20],
  ['maxReceiveCount', 'Maximum receives', 1, 1000],
];

/** What is wrong with the form, in the console's words; empty when it can be sent. */
export function queueFormErrors(f: QueueForm): string[] {
  const errors: string[] = [];
  const base = f.fifo ? f.name.replace(/\.fifo$/, '') : f.name;
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(base) || (f.fifo && base.length > 75))
    errors.push('A queue name can have up to 80 characters: letters, numbers, hyphens and underscores.');
  if (!f.fifo && f.name.endsWith('.fifo')) errors.push('Only a FIFO queue name ends with .fifo.');
  for (const [key, label, min, max] of RANGES) {
    const v = f[key] as number;
    if (key === 'maxReceiveCount' && !f.deadLetterTargetArn) continue;
    if (!Number.isInteger(v) || v < min || v > max) errors.push(`${label} must be from ${min} to ${max}.`);
  }
  return errors;
}

/** CreateQueue's input; a FIFO queue's name gets its `.fifo` suffix if the learner left it off. */
export function createQueueInput(f: QueueForm): { QueueName: string; Attributes: Record<string, string> } {
  const name = f.fifo && !f.name.endsWith('.fifo') ? `${f.name}.fifo` : f.name;
  const Attributes: Record<string, string> = {
    VisibilityTimeout: String(f.visibilityTimeout),
    MessageRetentionPeriod: String(f.messageRetentionPeriod),
    DelaySeconds: String(f.delaySeconds),
    MaximumMessageSize: String(f.maximumMessageSize),
    ReceiveMessageWaitTimeSeconds: String(f.receiveMessageWaitTimeSeconds),
  };
  if (f.fifo) {
    Attributes.FifoQueue = 'true';
    Attributes.ContentBasedDeduplication = String(f.contentBasedDeduplication);
  }
  if (f.deadLetterTargetArn)
    Attributes.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: f.deadLetterTargetArn, maxReceiveCount: f.maxReceiveCount });
  return { QueueName: name, Attributes };
}

export const queueNameOf = (url: string): string => decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));

export interface QueueCounters {
  available: number;
  inFlight: number;
  delayed: number;
}

export const countersOf = (a: Record<string, string | undefined>): QueueCounters => ({
  available: Number(a.ApproximateNumberOfMessages ?? 0),
  inFlight: Number(a.ApproximateNumberOfMessagesNotVisible ?? 0),
  delayed: Number(a.ApproximateNumberOfMessagesDelayed ?? 0),
});

/** Seconds as the console shows durations: "4 days", "30 seconds", "1 hour 30 minutes". */
export function duration(seconds: number): string {
  const parts: string[] = [];
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  let left = seconds;
  for (const [size, name] of units) {
    const n = Math.floor(left / size);
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
    left -= n * size;
  }
  return parts.length ? parts.join(' ') : '0 seconds';
}

/** The redrive policy of a queue's attributes, if it has one. */
export function redriveOf(a: Record<string, string | undefined>): { deadLetterTargetArn: string; maxReceiveCount: number } | undefined {
  if (!a.RedrivePolicy) return undefined;
  try {
    return JSON.parse(a.RedrivePolicy) as { deadLetterTargetArn: string; maxReceiveCount: number };
  } catch {
    return undefined;
  }
}

export interface SendForm {
  body: string;
  groupId: string;
  dedupId: string;
  delaySeconds: number;
  /** One `name=value` per line: String message attributes. */
  attributes: string;
}

export const defaultSendForm = (): SendForm => ({ body: '', groupId: '', dedupId: '', delaySeconds: 0, attributes: '' });

/** SendMessage's input from the form; FIFO queues take a group id (and a dedup id) instead of a delay. */
export function sendMessageInput(url: string, fifo: boolean, f: SendForm): Record<string, unknown> {
  const attrs: Record<string, { DataType: string; StringValue: string }> = {};
  for (const line of f.attributes.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) attrs[line.slice(0, eq).trim()] = { DataType: 'String', StringValue: line.slice(eq + 1).trim() };
  }
  return {
    QueueUrl: url,
    MessageBody: f.body,
    ...(fifo ? { MessageGroupId: f.groupId } : f.delaySeconds ? { DelaySeconds: f.delaySeconds } : {}),
    ...(fifo && f.dedupId ? { MessageDeduplicationId: f.dedupId } : {}),
    ...(Object.keys(attrs).length ? { MessageAttributes: attrs } : {}),
  };
}
