/**
 * Delivery of a published message to a topic's confirmed subscriptions. E-mail is written to the
 * lab's mailbox inside the Publish transaction; SQS and Lambda deliveries are calls to those
 * services (as sns.amazonaws.com) started once the transaction has committed.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import type { Call } from '../../protocol/types';
import { servicePrincipal } from '../../core/account';
import { matches, type Pattern } from '../events/pattern';
import { subAttributes, subscriptionsOf, type SubscriptionRow } from './state/subscriptions';
import { sendMail } from './state/mailbox';
import type { TopicRow } from './state/topics';

export type MessageAttributes = Record<string, { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }>;

export interface Published {
  messageId: string;
  topic: TopicRow;
  message: string;
  /** Per-protocol bodies when MessageStructure is json. */
  perProtocol?: Record<string, string>;
  subject?: string;
  attributes?: MessageAttributes;
  at: number;
}

const SENDER = 'no-reply@sns.amazonaws.com';
export const labEndpoint = 'https://sns.us-east-1.amazonaws.com';

const iso = (t: number) => new Date(t).toISOString();

function bodyFor(p: Published, protocol: string): string {
  return p.perProtocol?.[protocol] ?? p.perProtocol?.default ?? p.message;
}

/** The JSON envelope SQS, HTTP and email-json subscribers receive. */
export function envelope(p: Published, sub: SubscriptionRow, protocol: string): Record<string, unknown> {
  const attrs = p.attributes
    ? Object.fromEntries(Object.entries(p.attributes).map(([k, v]) => [k, { Type: v.DataType, Value: v.StringValue ?? Buffer.from(v.BinaryValue ?? []).toString('base64') }]))
    : undefined;
  return {
    Type: 'Notification',
    MessageId: p.messageId,
    TopicArn: p.topic.arn,
    ...(p.subject !== undefined ? { Subject: p.subject } : {}),
    Message: bodyFor(p, protocol),
    Timestamp: iso(p.at),
    SignatureVersion: '1',
    // The lab has no signing certificate; the field is present so parsers find the shape they expect.
    Signature: Buffer.from(`nimbus-lab:${p.messageId}`).toString('base64'),
    SigningCertURL: `${labEndpoint}/SimpleNotificationService-lab.pem`,
    UnsubscribeURL: `${labEndpoint}/?Action=Unsubscribe&SubscriptionArn=${sub.arn}`,
    ...(attrs ? { MessageAttributes: attrs } : {}),
  };
}

/** Does the subscription's filter policy let this message through? */
function passesFilter(sub: SubscriptionRow, p: Published): boolean {
  const a = subAttributes(sub);
  if (!a.FilterPolicy) return true;
  const policy = JSON.parse(a.FilterPolicy) as Pattern;
  if (a.FilterPolicyScope === 'MessageBody') {
    try {
      return matches(policy, JSON.parse(p.message));
    } catch {
      return false;
    }
  }
  const attrs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.attributes ?? {})) {
    if (v.DataType.startsWith('Number')) attrs[k] = Number(v.StringValue);
    else if (v.DataType === 'String.Array') {
      try {
        attrs[k] = JSON.parse(v.StringValue ?? '[]');
      } catch {
        attrs[k] = v.StringValue;
      }
    } else attrs[k] = v.StringValue;
  }
  return matches(policy, attrs);
}

function queueName(arn: string): { name: string; account: string; region: string } {
  const p = arn.split(':');
  return { region: p[3] ?? 'us-east-1', account: p[4] ?? '', name: p[5] ?? '' };
}

/** Delivers to every confirmed, matching subscription. Returns how many were addressed. */
export function deliver(ctx: Ctx, p: Published): number {
  const later: ((call: Call) => Promise<unknown>)[] = [];
  let n = 0;
  const principal = servicePrincipal(p.topic.account_id, 'sns');
  for (const sub of subscriptionsOf(ctx.store, p.topic.arn)) {
    if (!sub.confirmed || !passesFilter(sub, p)) continue;
    n++;
    const raw = subAttributes(sub).RawMessageDelivery === 'true';
    switch (sub.protocol) {
      case 'email':
        sendMail(ctx.store, p.topic.account_id, {
          address: sub.endpoint,
          time: p.at,
          sender: SENDER,
          subject: p.subject ?? 'AWS Notification Message',
          body: `${bodyFor(p, 'email')}\n\n--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:\n${labEndpoint}/unsubscribe.html?SubscriptionArn=${sub.arn}`,
        });
        break;
      case 'email-json':
        sendMail(ctx.store, p.topic.account_id, { address: sub.endpoint, time: p.at, sender: SENDER, subject: p.subject ?? 'AWS Notification Message', body: JSON.stringify(envelope(p, sub, 'email-json'), null, 2) });
        break;
      case 'sqs': {
        const q = queueName(sub.endpoint);
        const body = raw ? bodyFor(p, 'sqs') : JSON.stringify(envelope(p, sub, 'sqs'));
        const attrs = raw && p.attributes ? p.attributes : undefined;
        later.push(async (call) => {
          const url = await call(principal, 'sqs', 'GetQueueUrl', { QueueName: q.name, QueueOwnerAWSAccountId: q.account }, { region: q.region, source: 'internal' });
          await call(principal, 'sqs', 'SendMessage', { QueueUrl: url.QueueUrl, MessageBody: body, ...(attrs ? { MessageAttributes: attrs } : {}) }, { region: q.region, source: 'internal' });
        });
        break;
      }
      case 'lambda': {
        const env = envelope(p, sub, 'lambda');
        const event = {
          Records: [
            {
              EventSource: 'aws:sns',
              EventVersion: '1.0',
              EventSubscriptionArn: sub.arn,
              Sns: { ...env, SigningCertUrl: env.SigningCertURL, UnsubscribeUrl: env.UnsubscribeURL, SigningCertURL: undefined, UnsubscribeURL: undefined, MessageAttributes: env.MessageAttributes ?? {} },
            },
          ],
        };
        later.push((call) => call(principal, 'lambda', 'Invoke', { FunctionName: sub.endpoint, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(event)) }, { region: sub.endpoint.split(':')[3], source: 'internal' }));
        break;
      }
      default:
        // http(s) and sms endpoints are not reachable from the lab's SNS yet.
        n--;
    }
  }
  if (later.length) {
    const call = ctx.call;
    queueMicrotask(() => {
      for (const job of later) job(call).catch((e: unknown) => console.error(`[nimbus] SNS delivery from ${p.topic.arn} failed:`, e instanceof Error ? e.message : e));
    });
  }
  return n;
}

export const newMessageId = () => randomUUID();
