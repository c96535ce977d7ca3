/**
 * Event notifications: after an object is written or removed, S3 sends an event record to each
 * configured SQS queue, SNS topic or Lambda function whose event names and key filter match. The
 * sends go through the dispatcher as the S3 service principal, after the write has committed.
 */
import { servicePrincipal } from '../../core/account';
import type { Ctx } from '../../core/provider';
import type { Store } from '../../store/store';
import type { BucketRow } from './state/buckets';

interface Target {
  Id?: string;
  Events: string[];
  Filter?: { Key?: { FilterRules?: { Name: string; Value: string }[] } };
  QueueArn?: string;
  TopicArn?: string;
  LambdaFunctionArn?: string;
}
export interface NotificationConfig {
  QueueConfigurations?: Target[];
  TopicConfigurations?: Target[];
  LambdaFunctionConfigurations?: Target[];
}

export const getNotifications = (store: Store, bucketId: number): NotificationConfig => {
  const v = store.stmt('SELECT notifications FROM s3_buckets WHERE id = ?').pluck().get(bucketId) as string | null | undefined;
  return v ? (JSON.parse(v) as NotificationConfig) : {};
};

export const setNotifications = (store: Store, bucketId: number, c: NotificationConfig | null): void => {
  store.stmt('UPDATE s3_buckets SET notifications = ? WHERE id = ?').run(c ? JSON.stringify(c) : null, bucketId);
};

export const targetsOf = (c: NotificationConfig): { kind: 'sqs' | 'sns' | 'lambda'; arn: string; t: Target }[] => [
  ...(c.QueueConfigurations ?? []).map((t) => ({ kind: 'sqs' as const, arn: t.QueueArn ?? '', t })),
  ...(c.TopicConfigurations ?? []).map((t) => ({ kind: 'sns' as const, arn: t.TopicArn ?? '', t })),
  ...(c.LambdaFunctionConfigurations ?? []).map((t) => ({ kind: 'lambda' as const, arn: t.LambdaFunctionArn ?? '', t })),
];

const eventMatches = (patterns: string[], event: string): boolean =>
  patterns.some((p) => p === event || (p.endsWith(':*') && event.startsWith(p.slice(0, -1))));

function keyMatches(t: Target, key: string): boolean {
  for (const r of t.Filter?.Key?.FilterRules ?? []) {
    const name = r.Name.toLowerCase();
    if (name === 'prefix' && !key.startsWith(r.Value)) return false;
    if (name === 'suffix' && !key.endsWith(r.Value)) return false;
  }
  return true;
}

/** Sends one message body to a target, through call(). */
export function send(ctx: Pick<Ctx, 'call'>, accountId: string, kind: 'sqs' | 'sns' | 'lambda', arn: string, body: string): Promise<unknown> {
  const principal = servicePrincipal(accountId, 's3');
  const region = arn.split(':')[3];
  const opts = { region, source: 'internal' as const };
  if (kind === 'sqs') {
    const [, , , , account, name] = arn.split(':');
    return ctx.call(principal, 'sqs', 'SendMessage', { QueueUrl: `https://sqs.${region}.amazonaws.com/${account}/${name}`, MessageBody: body }, opts);
  }
  if (kind === 'sns') return ctx.call(principal, 'sns', 'Publish', { TopicArn: arn, Subject: 'Amazon S3 Notification', Message: body }, opts);
  return ctx.call(principal, 'lambda', 'Invoke', { FunctionName: arn, InvocationType: 'Event', Payload: Buffer.from(body) }, opts);
}

export interface ObjectEvent {
  name: string; // 'ObjectCreated:Put', 'ObjectRemoved:Delete', ...
  key: string;
  size?: number;
  etag?: string;
  versionId?: string;
}

/**
 * Inside the handler: reads the configuration now, sends after the current transaction has
 * committed (a microtask runs once the synchronous handler and its commit are done).
 */
export function notify(ctx: Ctx, bucket: BucketRow, events: ObjectEvent[]): void {
  const targets = targetsOf(getNotifications(ctx.store, bucket.id));
  if (targets.length === 0 || events.length === 0) return;
  const now = new Date(ctx.clock.now()).toISOString();
  const jobs: (() => Promise<unknown>)[] = [];
  for (const e of events) {
    for (const { kind, arn, t } of targets) {
      if (!eventMatches(t.Events, `s3:${e.name}`) || !keyMatches(t, e.key)) continue;
      const record = {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: bucket.region,
        eventTime: now,
        eventName: e.name,
        userIdentity: { principalId: ctx.principal.arn },
        requestParameters: { sourceIPAddress: ctx.sourceIp ?? '127.0.0.1' },
        responseElements: { 'x-amz-request-id': ctx.requestId },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: t.Id ?? '',
          bucket: { name: bucket.name, ownerIdentity: { principalId: bucket.account_id }, arn: `arn:${bucket.partition}:s3:::${bucket.name}` },
          object: {
            key: encodeURIComponent(e.key).replace(/%2F/g, '/'),
            ...(e.size !== undefined ? { size: e.size } : {}),
            ...(e.etag ? { eTag: e.etag.replace(/"/g, '') } : {}),
            ...(e.versionId ? { versionId: e.versionId } : {}),
            sequencer: ctx.clock.now().toString(16).toUpperCase(),
          },
        },
      };
      const body = JSON.stringify({ Records: [record] });
      jobs.push(() => send(ctx, bucket.account_id, kind, arn, body));
    }
  }
  if (jobs.length === 0) return;
  queueMicrotask(() => {
    for (const job of jobs) job().catch((err: unknown) => console.error(`[nimbus] S3 event notification from ${bucket.name} failed:`, err instanceof Error ? err.message : err));
  });
}
