import { randomBytes, randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { requireTopic } from './state/topics';
import { checkSubscriptionAttribute } from './subscription-attributes';
import { sendMail } from './state/mailbox';
import { labEndpoint } from './deliver';
import type { SubscriptionRow } from './state/subscriptions';

const PROTOCOLS = new Set(['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose']);
const EMAIL = /^[^@\s]+@[^@\s]+$/;

function checkEndpoint(protocol: string, endpoint: string | undefined): string {
  const e = endpoint ?? '';
  if ((protocol === 'email' || protocol === 'email-json') && !EMAIL.test(e)) throw invalidParameter('Invalid parameter: Email address');
  if (protocol === 'sqs' && !/^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w.-]+$/.test(e)) throw invalidParameter('Invalid parameter: SQS endpoint ARN');
  if (protocol === 'lambda' && !/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/.test(e)) throw invalidParameter('Invalid parameter: Lambda endpoint ARN');
  if ((protocol === 'http' || protocol === 'https') && !e.startsWith(`${protocol}://`)) throw invalidParameter(`Invalid parameter: Endpoint must match the specified protocol`);
  if (protocol === 'sms' || protocol === 'application' || protocol === 'firehose') throw invalidParameter(`Invalid parameter: The lab does not deliver to ${protocol} endpoints`);
  return e;
}

/**
 * Same-account SQS and Lambda endpoints are confirmed at once; e-mail waits for the learner to
 * follow the link in the confirmation mail (the lab's mailbox); HTTP(S) stays pending.
 */
export const Subscribe = (ctx: Ctx, input: OperationInput<'sns', 'Subscribe'>) => {
  const topic = requireTopic(ctx.store, input.TopicArn);
  if (!PROTOCOLS.has(input.Protocol)) throw invalidParameter(`Invalid parameter: Amazon SNS does not support this protocol string: ${input.Protocol}`);
  const endpoint = checkEndpoint(input.Protocol, input.Endpoint);
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.Attributes ?? {})) {
    checkSubscriptionAttribute(k, v, input.Protocol);
    attrs[k] = v;
  }
  const existing = ctx.store
    .stmt('SELECT * FROM sns_subscriptions WHERE topic_arn = ? AND protocol = ? AND endpoint = ?')
    .get(topic.arn, input.Protocol, endpoint) as SubscriptionRow | undefined;
  if (existing) return { SubscriptionArn: existing.confirmed || input.ReturnSubscriptionArn ? existing.arn : 'pending confirmation' };
  const sameAccount = endpoint.split(':')[4] === ctx.accountId;
  const confirmed = (input.Protocol === 'sqs' || input.Protocol === 'lambda') && sameAccount;
  const arn = `${topic.arn}:${randomUUID()}`;
  const token = randomBytes(64).toString('hex');
  const now = ctx.clock.now();
  ctx.store
    .stmt(
      `INSERT INTO sns_subscriptions (arn, topic_arn, account_id, region, owner, protocol, endpoint, confirmed, token, attributes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(arn, topic.arn, ctx.accountId, ctx.region, ctx.accountId, input.Protocol, endpoint, confirmed ? 1 : 0, token, JSON.stringify(attrs), now);
  if (input.Protocol === 'email' || input.Protocol === 'email-json') {
    const link = `${labEndpoint}/confirmation.html?TopicArn=${encodeURIComponent(topic.arn)}&Token=${token}&Endpoint=${encodeURIComponent(endpoint)}`;
    sendMail(ctx.store, ctx.accountId, {
      address: endpoint,
      time: now,
      sender: 'no-reply@sns.amazonaws.com',
      subject: 'AWS Notification - Subscription Confirmation',
      body: `You asked to receive notifications from the SNS topic\n${topic.arn}\n\nConfirm the subscription by following this link (ignore this mail if you did not ask for it):\n${link}`,
      topicArn: topic.arn,
      confirmToken: token,
    });
  }
  return { SubscriptionArn: confirmed || input.ReturnSubscriptionArn ? arn : 'pending confirmation' };
};
