import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { listMail } from '../../../../src-main/engine/services/sns';
import { putMetricData } from '../../../../src-main/engine/services/monitoring';

const START = Date.UTC(2026, 0, 5, 10, 0, 0);
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('SNS e-mail through the lab mailbox', () => {
  it('keeps an e-mail subscription pending until its mail is confirmed, then mails alarm notifications', async () => {
    const clock = createClock({ warp: 0, start: START });
    engine = createEngine({ clock });
    const e = engine;
    const acct = e.account.accountId;
    const sns = (op: string, input: Record<string, unknown>) => e.call(e.account.root, 'sns', op, input);
    const { TopicArn } = (await sns('CreateTopic', { Name: 'billing' })) as { TopicArn: string };
    expect(TopicArn).toBe(`arn:aws:sns:us-east-1:${acct}:billing`);
    expect(await sns('Subscribe', { TopicArn, Protocol: 'email', Endpoint: 'me@example.com' })).toEqual({ SubscriptionArn: 'pending confirmation' });
    const subs = (await sns('ListSubscriptionsByTopic', { TopicArn })) as { Subscriptions: { SubscriptionArn: string }[] };
    expect(subs.Subscriptions[0]!.SubscriptionArn).toBe('PendingConfirmation');

    // Publishing before confirmation reaches nobody.
    await sns('Publish', { TopicArn, Message: 'too early' });
    const confirmMail = listMail(e.store, acct, { address: 'me@example.com' });
    expect(confirmMail).toHaveLength(1);
    expect(confirmMail[0]!.subject).toBe('AWS Notification - Subscription Confirmation');
    const confirmed = (await sns('ConfirmSubscription', { TopicArn, Token: confirmMail[0]!.confirmToken })) as { SubscriptionArn: string };
    expect(confirmed.SubscriptionArn).toMatch(new RegExp(`^${TopicArn}:[0-9a-f-]{36}$`));
    await expect(sns('ConfirmSubscription', { TopicArn, Token: 'nope' })).rejects.toMatchObject({ code: 'InvalidParameter' });

    await e.call(e.account.root, 'monitoring', 'PutMetricAlarm', {
      AlarmName: 'spend',
      Namespace: 'Lab',
      MetricName: 'Dollars',
      Statistic: 'Maximum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [TopicArn],
    });
    putMetricData({ store: e.store, accountId: acct, region: 'us-east-1', clock }, 'Lab', [{ MetricName: 'Dollars', Value: 6.5 }]);
    clock.advance(60_000);
    await flush();
    await flush();
    const mails = listMail(e.store, acct, { address: 'me@example.com' });
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe('ALARM: "spend" in US East (N. Virginia)');
    const body = JSON.parse(mails[0]!.body.split('\n\n--\n')[0]!) as Record<string, unknown>;
    expect(body).toMatchObject({ AlarmName: 'spend', NewStateValue: 'ALARM', OldStateValue: 'INSUFFICIENT_DATA', AWSAccountId: acct });
  });

  it('answers SNS errors for bad input', async () => {
    engine = createEngine();
    const e = engine;
    const sns = (op: string, input: Record<string, unknown>) => e.call(e.account.root, 'sns', op, input);
    await expect(sns('CreateTopic', { Name: 'bad name' })).rejects.toMatchObject({ code: 'InvalidParameter', message: 'Invalid parameter: Topic Name' });
    await expect(sns('Publish', { TopicArn: `arn:aws:sns:us-east-1:${e.account.accountId}:none`, Message: 'x' })).rejects.toMatchObject({ code: 'NotFound', status: 404 });
    const { TopicArn } = (await sns('CreateTopic', { Name: 't' })) as { TopicArn: string };
    await expect(sns('Subscribe', { TopicArn, Protocol: 'carrier-pigeon', Endpoint: 'x' })).rejects.toMatchObject({ code: 'InvalidParameter' });
    await expect(sns('Subscribe', { TopicArn, Protocol: 'email', Endpoint: 'not-an-address' })).rejects.toMatchObject({ message: 'Invalid parameter: Email address' });
  });
});
