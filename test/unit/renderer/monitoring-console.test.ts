/**
 * The CloudWatch, SNS, Mailbox and Billing pages' logic: the GetMetricData queries they send and how
 * answers become chart series, the alarm form's PutMetricAlarm input, dashboard bodies, and the
 * mailbox through a real in-process lab (confirmation mail → ConfirmSubscription).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToString } from '@vue/test-utils';
import { conditionText } from '../../../src-renderer/views/cloudwatch/alarms';
import { widgetsOf } from '../../../src-renderer/views/cloudwatch/dashboards';
import AlarmStateBadge from '../../../src-renderer/views/cloudwatch/AlarmStateBadge.vue';
import {
  byDimensionSet,
  metricDataInput,
  metricFromQuery,
  metricsOf,
  metricToQuery,
  periodFor,
  putMetricAlarmInput,
  seriesOf,
  BILLING_METRIC,
} from '../../../src-renderer/views/cloudwatch/metrics';
import { confirmationOf } from '../../../src-renderer/views/sns/useSns';
import { bodyParts } from '../../../src-renderer/views/mailbox/useMailbox';
import { costByUsage } from '../../../src-renderer/views/billing/billing';
import { START, startInProcessLab, type InProcessLab } from './in-process-lab';

const CPU = {
  Namespace: 'AWS/EC2',
  MetricName: 'CPUUtilization',
  Dimensions: [{ Name: 'InstanceId', Value: 'i-0abc' }],
};

describe('metric helpers', () => {
  it('picks a period that keeps a chart under 300 points, never finer than asked', () => {
    expect(periodFor(3600)).toBe(60);
    expect(periodFor(3 * 3600, 300)).toBe(300);
    expect(periodFor(86_400)).toBe(300);
    expect(periodFor(14 * 86_400)).toBe(21_600);
  });

  it('asks GetMetricData for aligned, ascending points and reads the answer back as series', () => {
    const input = metricDataInput([CPU], 'Average', 300, 3600, START + 10_000);
    expect(input.EndTime).toBe(new Date(START + 300_000).toISOString());
    expect(input.StartTime).toBe(new Date(START + 300_000 - 3_600_000).toISOString());
    expect(input.ScanBy).toBe('TimestampAscending');
    expect(input.MetricDataQueries).toEqual([
      {
        Id: 'm0',
        Label: 'CPUUtilization (i-0abc)',
        ReturnData: true,
        MetricStat: { Metric: CPU, Period: 300, Stat: 'Average' },
      },
    ]);
    const series = seriesOf({
      MetricDataResults: [
        {
          Id: 'm0',
          Label: 'cpu',
          Timestamps: ['2026-01-15T10:05:00.000Z', '2026-01-15T10:00:00.000Z'],
          Values: [20, 10],
          StatusCode: 'Complete',
        },
      ],
    });
    expect(series).toEqual([
      {
        id: 'm0',
        label: 'cpu',
        points: [
          { t: Date.parse('2026-01-15T10:00:00Z'), v: 10 },
          { t: Date.parse('2026-01-15T10:05:00Z'), v: 20 },
        ],
      },
    ]);
  });

  it('groups ListMetrics by dimension names and carries a metric through a query string', () => {
    const metrics = metricsOf({
      Metrics: [CPU, { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [] }],
    });
    expect([...byDimensionSet(metrics).keys()]).toEqual(['InstanceId', 'Metrics with no dimensions']);
    const q = new URLSearchParams(metricToQuery(BILLING_METRIC, 'us-east-1'));
    expect(q.get('region')).toBe('us-east-1');
    expect(metricFromQuery(q)).toEqual(BILLING_METRIC);
  });

  it('builds PutMetricAlarm from the form, with percentiles as ExtendedStatistic', () => {
    const form = {
      metric: CPU,
      stat: 'p99',
      period: 60,
      operator: 'GreaterThanThreshold',
      threshold: 80,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      missing: 'breaching',
      name: 'cpu',
      description: '',
      topicArn: 'arn:aws:sns:us-east-1:000000000000:t',
    };
    expect(putMetricAlarmInput(form)).toEqual({
      AlarmName: 'cpu',
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: CPU.Dimensions,
      ExtendedStatistic: 'p99',
      Period: 60,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'breaching',
      ActionsEnabled: true,
      AlarmActions: ['arn:aws:sns:us-east-1:000000000000:t'],
    });
    expect(
      conditionText({
        AlarmName: 'x',
        StateValue: 'OK',
        MetricName: 'CPUUtilization',
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 80,
        Period: 300,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
      }),
    ).toBe('CPUUtilization > 80 for 2 datapoints within 15 minutes');
  });

  it('reads metric widgets of a dashboard body, with "." repeating the row above', () => {
    const body = JSON.stringify({
      widgets: [
        {
          type: 'metric',
          properties: {
            title: 'CPU',
            stat: 'Maximum',
            period: 60,
            metrics: [
              ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'],
              ['.', '.', '.', 'i-2'],
            ],
          },
        },
        { type: 'text', properties: { markdown: '# Hello' } },
      ],
    });
    const [metric, text] = widgetsOf(body);
    expect(metric?.metrics.map((m) => m.Dimensions[0]?.Value)).toEqual(['i-1', 'i-2']);
    expect(metric?.stat).toBe('Maximum');
    expect(text).toMatchObject({ kind: 'text', text: '# Hello' });
    expect(widgetsOf('not json')).toEqual([]);
  });

  it("shows alarm states with CloudWatch's words", async () => {
    const html = (await renderToString(AlarmStateBadge, { props: { state: 'ALARM' } })).replace(
      / data-v-[0-9a-f]+/g,
      '',
    );
    expect(html).toBe('<span class="alarm-state alarm" data-test="alarm-state" data-state="ALARM">In alarm</span>');
  });
});

describe('SNS, Mailbox and Billing helpers', () => {
  it('finds TopicArn and Token in a confirmation link, and links in a mail body', () => {
    const link =
      'https://sns.us-east-1.amazonaws.com/confirmation.html?TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3At&Token=abc&Endpoint=a%40b.c';
    expect(confirmationOf(link)).toEqual({ TopicArn: 'arn:aws:sns:us-east-1:1:t', Token: 'abc' });
    expect(confirmationOf('https://example.com/')).toBeUndefined();
    expect(bodyParts(`Click:\n${link}\nthanks`)).toEqual([
      { text: 'Click:\n' },
      { text: link, link: true },
      { text: '\nthanks' },
    ]);
  });

  it('sums the cost meter per usage, dearest first', () => {
    const rows = costByUsage({
      currency: 'USD',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-15T00:00:00.000Z',
      total: 3,
      gross: 3,
      freeTier: 0,
      lines: [
        { region: 'us-east-1', usageType: 'volume', item: 'gp2', usage: 8, unit: 'GB-Mo', cost: 0.5 },
        { region: 'us-east-1', usageType: 'instance', item: 'm5.large', usage: 10, unit: 'Hrs', cost: 1.25 },
        { region: 'us-east-1', usageType: 'instance', item: 'm5.large', usage: 10, unit: 'Hrs', cost: 1.25 },
      ],
    });
    expect(rows.map((r) => [r.usage, r.quantity, r.cost])).toEqual([
      ['Instance hours: m5.large (us-east-1)', '20 Hrs', 2.5],
      ['EBS storage: gp2 (us-east-1)', '8 GB-Mo', 0.5],
    ]);
  });
});

describe('mailbox through the contract', () => {
  let lab: InProcessLab;
  afterEach(() => lab.close());

  it('lists the confirmation mail, confirms through SNS and counts unread mail', async () => {
    lab = startInProcessLab();
    const aws = (service: string, operation: string, input: Record<string, string>) =>
      lab.client.request('aws.call', { service, operation, input, region: 'us-east-1' });
    const topic = await aws('sns', 'CreateTopic', { Name: 'billing-alert' });
    await aws('sns', 'Subscribe', {
      TopicArn: String(topic.TopicArn),
      Protocol: 'email',
      Endpoint: 'learner@example.com',
    });
    const box = await lab.client.request('mailbox.list', {});
    expect(box.unread).toBe(1);
    const mail = box.messages[0]!;
    expect(mail).toMatchObject({
      address: 'learner@example.com',
      subject: 'AWS Notification - Subscription Confirmation',
      read: false,
      topicArn: topic.TopicArn,
    });
    expect(confirmationOf(mail.body.split('\n').find((l) => l.includes('confirmation.html')) ?? '')).toEqual({
      TopicArn: topic.TopicArn,
      Token: mail.confirmToken,
    });
    await aws('sns', 'ConfirmSubscription', { TopicArn: String(topic.TopicArn), Token: mail.confirmToken ?? '' });
    const subs = await aws('sns', 'ListSubscriptionsByTopic', { TopicArn: String(topic.TopicArn) });
    expect((subs.Subscriptions as { SubscriptionArn: string }[])[0]?.SubscriptionArn).toMatch(
      /^arn:aws:sns:us-east-1:\d{12}:billing-alert:/,
    );
    expect((await lab.client.request('mailbox.markRead', { id: mail.id })).unread).toBe(0);
    expect((await lab.client.request('mailbox.list', { address: 'someone@else.org' })).messages).toEqual([]);
  });

  it('fails the host under a running instance (instances.failHost) so its system check is impaired', async () => {
    lab = startInProcessLab();
    const aws = (service: string, operation: string, input: Record<string, unknown>) =>
      lab.client.request('aws.call', { service, operation, input: input as never, region: 'us-east-1' });
    const run = await aws('ec2', 'RunInstances', {
      ImageId: 'ami-6057e21a',
      InstanceType: 't2.micro',
      MinCount: 1,
      MaxCount: 1,
    });
    const id = String((run.Instances as { InstanceId: string }[])[0]?.InstanceId);
    expect(await lab.client.request('instances.failHost', { instanceId: id, region: 'us-east-1' })).toEqual({
      failed: false,
    }); // still pending
    lab.engine.clock.advance(120_000);
    expect(await lab.client.request('instances.failHost', { instanceId: id, region: 'us-east-1' })).toEqual({
      failed: true,
    });
    const status = await aws('ec2', 'DescribeInstanceStatus', { InstanceIds: [id] });
    expect((status.InstanceStatuses as { SystemStatus: { Status: string } }[])[0]?.SystemStatus.Status).toBe(
      'impaired',
    );
  });
});
