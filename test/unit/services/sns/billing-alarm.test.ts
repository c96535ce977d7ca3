import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { listMail } from '../../../../src-main/engine/services/sns';

const START = Date.UTC(2026, 0, 5, 0, 0, 0);
const BOOK_AMI = 'ami-6057e21a';
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('§1.9: a $5 billing alarm that e-mails the learner', () => {
  it('stays quiet below $5 and mails the ALARM once the cost meter passes it', async () => {
    const clock = createClock({ warp: 0, start: START });
    engine = createEngine({ clock });
    const e = engine;
    const acct = e.account.accountId;
    const call = (svc: string, op: string, input: Record<string, unknown>) => e.call(e.account.root, svc, op, input) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const { TopicArn } = await call('sns', 'CreateTopic', { Name: 'billing-alert' });
    await call('sns', 'Subscribe', { TopicArn, Protocol: 'email', Endpoint: 'learner@example.com' });
    const confirm = listMail(e.store, acct, { address: 'learner@example.com' })[0]!;
    await call('sns', 'ConfirmSubscription', { TopicArn, Token: confirm.confirmToken });
    await call('monitoring', 'PutMetricAlarm', {
      AlarmName: 'billing-5',
      Namespace: 'AWS/Billing',
      MetricName: 'EstimatedCharges',
      Dimensions: [{ Name: 'Currency', Value: 'USD' }],
      Statistic: 'Maximum',
      Period: 21600,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [TopicArn],
    });
    // Two m5.4xlarge at $0.768 an hour each: about $1.54 an hour, past $5 after three and a half hours.
    await call('ec2', 'RunInstances', { ImageId: BOOK_AMI, InstanceType: 'm5.4xlarge', MinCount: 2, MaxCount: 2 });
    clock.advance(3 * 3_600_000);
    await flush();
    expect(listMail(e.store, acct, { address: 'learner@example.com' })).toHaveLength(1);
    clock.advance(3 * 3_600_000 + 60_000); // the 6-hour period ends with the charges past $5
    await flush();
    await flush();
    const mails = listMail(e.store, acct, { address: 'learner@example.com' });
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe('ALARM: "billing-5" in US East (N. Virginia)');
    expect(JSON.parse(mails[0]!.body.split('\n\n--\n')[0]!)).toMatchObject({ NewStateValue: 'ALARM', Trigger: { MetricName: 'EstimatedCharges', Namespace: 'AWS/Billing', Threshold: 5 } });
  });
});
