import type { Ctx } from '../../core/provider';
import { invalidArgument } from './errors';
import { send, setNotifications, targetsOf, type NotificationConfig } from './notifications';
import { requireBucket } from './state/buckets';

const EVENT = /^s3:(ObjectCreated:(\*|Put|Post|Copy|CompleteMultipartUpload)|ObjectRemoved:(\*|Delete|DeleteMarkerCreated)|ObjectRestore:(\*|Post|Completed|Delete)|LifecycleExpiration:(\*|Delete|DeleteMarkerCreated)|LifecycleTransition|\*)$/;
const ARN = { sqs: /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[\w-]+(\.fifo)?$/, sns: /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/, lambda: /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/ };

/** Replaces the whole configuration; like S3, sends each destination an s3:TestEvent. */
export const PutBucketNotificationConfiguration = (ctx: Ctx, input: { Bucket: string; NotificationConfiguration?: NotificationConfig }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const config = input.NotificationConfiguration ?? {};
  const targets = targetsOf(config);
  for (const { kind, arn, t } of targets) {
    if (!ARN[kind].test(arn)) throw invalidArgument('Unable to validate the following destination configurations', arn, arn);
    if (!Array.isArray(t.Events) || t.Events.length === 0) throw invalidArgument('A notification configuration must name at least one event', 'Event', undefined);
    const bad = t.Events.find((e) => !EVENT.test(e));
    if (bad !== undefined) throw invalidArgument('The event is not supported for notifications', 'Event', bad);
  }
  setNotifications(ctx.store, bucket.id, targets.length ? config : null);
  const test = JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: new Date(ctx.clock.now()).toISOString(), Bucket: bucket.name, RequestId: ctx.requestId, HostId: ctx.requestId });
  queueMicrotask(() => {
    for (const { kind, arn } of targets) send(ctx, bucket.account_id, kind, arn, test).catch(() => undefined);
  });
  return {};
};
