import { describe, expect, it } from 'vitest';
import {
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  DisableAlarmActionsCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { CreateTopicCommand, PublishCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { useLab } from '../../helpers/lab';
import { awsCli } from '../../helpers/clients';
import { cloudwatch, sns, sqs } from './clients';

const lab = useLab();

describe('CloudWatch through SDK v3 (JSON 1.0) and the AWS CLI v2 (query)', () => {
  it('stores datapoints in every form and answers statistics per period', async () => {
    const cw = cloudwatch(lab());
    const now = new Date();
    const t0 = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 120_000);
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'Lab/App',
        MetricData: [
          { MetricName: 'Latency', Dimensions: [{ Name: 'Host', Value: 'a' }], Timestamp: t0, Value: 10, Unit: 'Milliseconds' },
          { MetricName: 'Latency', Dimensions: [{ Name: 'Host', Value: 'a' }], Timestamp: new Date(t0.getTime() + 1000), Values: [20, 30], Counts: [1, 2], Unit: 'Milliseconds' },
          { MetricName: 'Latency', Dimensions: [{ Name: 'Host', Value: 'a' }], Timestamp: new Date(t0.getTime() + 60_000), StatisticValues: { SampleCount: 4, Sum: 400, Minimum: 50, Maximum: 150 }, Unit: 'Milliseconds' },
        ],
      }),
    );
    const stats = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'Lab/App',
        MetricName: 'Latency',
        Dimensions: [{ Name: 'Host', Value: 'a' }],
        StartTime: t0,
        EndTime: new Date(t0.getTime() + 120_000),
        Period: 60,
        Statistics: ['Average', 'Sum', 'SampleCount', 'Maximum', 'Minimum'],
      }),
    );
    const points = [...(stats.Datapoints ?? [])].sort((a, b) => a.Timestamp!.getTime() - b.Timestamp!.getTime());
    expect(points.map((p) => ({ t: p.Timestamp!.getTime(), n: p.SampleCount, sum: p.Sum, min: p.Minimum, max: p.Maximum, avg: p.Average, unit: p.Unit }))).toEqual([
      { t: t0.getTime(), n: 4, sum: 90, min: 10, max: 30, avg: 22.5, unit: 'Milliseconds' },
      { t: t0.getTime() + 60_000, n: 4, sum: 400, min: 50, max: 150, avg: 100, unit: 'Milliseconds' },
    ]);
    const data = await cw.send(
      new GetMetricDataCommand({
        StartTime: t0,
        EndTime: new Date(t0.getTime() + 120_000),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [
          { Id: 'sum', MetricStat: { Metric: { Namespace: 'Lab/App', MetricName: 'Latency', Dimensions: [{ Name: 'Host', Value: 'a' }] }, Period: 60, Stat: 'Sum' }, ReturnData: false },
          { Id: 'n', MetricStat: { Metric: { Namespace: 'Lab/App', MetricName: 'Latency', Dimensions: [{ Name: 'Host', Value: 'a' }] }, Period: 60, Stat: 'SampleCount' } },
          { Id: 'mean', Expression: 'sum / n', Label: 'mean latency' },
        ],
      }),
    );
    expect(data.MetricDataResults?.map((r) => ({ id: r.Id, label: r.Label, values: r.Values, status: r.StatusCode }))).toEqual([
      { id: 'n', label: 'Latency', values: [4, 4], status: 'Complete' },
      { id: 'mean', label: 'mean latency', values: [22.5, 100], status: 'Complete' },
    ]);
    const listed = await cw.send(new ListMetricsCommand({ Namespace: 'Lab/App', Dimensions: [{ Name: 'Host' }] }));
    expect(listed.Metrics).toEqual([{ Namespace: 'Lab/App', MetricName: 'Latency', Dimensions: [{ Name: 'Host', Value: 'a' }] }]);

    await expect(cw.send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: [{ MetricName: 'x', Value: 1 }] }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'The value AWS/EC2 for parameter Namespace is invalid.',
    });
    await expect(
      cw.send(new GetMetricStatisticsCommand({ Namespace: 'Lab/App', MetricName: 'Latency', StartTime: new Date(0), EndTime: now, Period: 60, Statistics: ['Sum'] })),
    ).rejects.toMatchObject({ name: 'InvalidParameterCombinationException' });
  });

  it('fires an alarm action that publishes to SNS and reaches an SQS queue in AWS format', async () => {
    const cw = cloudwatch(lab());
    const { TopicArn } = await sns(lab()).send(new CreateTopicCommand({ Name: 'ops' }));
    const { QueueUrl } = await sqs(lab()).send(new CreateQueueCommand({ QueueName: 'ops-inbox' }));
    const { Attributes } = await sqs(lab()).send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    await sns(lab()).send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: Attributes!.QueueArn }));
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'latency-high',
        Namespace: 'Lab/App',
        MetricName: 'Latency',
        Dimensions: [{ Name: 'Host', Value: 'a' }],
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 500,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [TopicArn!],
      }),
    );
    await cw.send(new SetAlarmStateCommand({ AlarmName: 'latency-high', StateValue: 'ALARM', StateReason: 'testing the action' }));
    let body: string | undefined;
    for (let i = 0; i < 20 && !body; i++) {
      const got = await sqs(lab()).send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
      body = got.Messages?.[0]?.Body;
    }
    const envelope = JSON.parse(body!) as { Type: string; TopicArn: string; Subject: string; Message: string };
    expect(envelope).toMatchObject({ Type: 'Notification', TopicArn, Subject: 'ALARM: "latency-high" in US East (N. Virginia)' });
    expect(JSON.parse(envelope.Message)).toMatchObject({ AlarmName: 'latency-high', NewStateValue: 'ALARM', NewStateReason: 'testing the action', Trigger: { MetricName: 'Latency', Threshold: 500 } });

    const alarms = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['latency-high'] }));
    expect(alarms.MetricAlarms?.[0]).toMatchObject({ StateValue: 'ALARM', AlarmActions: [TopicArn], ActionsEnabled: true });
    const forMetric = await cw.send(new DescribeAlarmsForMetricCommand({ Namespace: 'Lab/App', MetricName: 'Latency', Dimensions: [{ Name: 'Host', Value: 'a' }] }));
    expect(forMetric.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['latency-high']);
    await cw.send(new DisableAlarmActionsCommand({ AlarmNames: ['latency-high'] }));
    expect((await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['latency-high'] }))).MetricAlarms?.[0]?.ActionsEnabled).toBe(false);
    const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'latency-high' }));
    expect(history.AlarmHistoryItems?.map((h) => h.HistoryItemType)).toEqual(expect.arrayContaining(['ConfigurationUpdate', 'StateUpdate', 'Action']));
    await cw.send(new DeleteAlarmsCommand({ AlarmNames: ['latency-high'] }));
    await expect(cw.send(new SetAlarmStateCommand({ AlarmName: 'latency-high', StateValue: 'OK', StateReason: 'x' }))).rejects.toMatchObject({ name: 'ResourceNotFound' });
    const published = await sns(lab()).send(new PublishCommand({ TopicArn, Message: 'hello', Subject: 'hi' }));
    expect(published.MessageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('round-trips through the AWS CLI v2', () => {
    const run = (args: string[]) => {
      const r = awsCli(lab(), args);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return r.stdout ? (JSON.parse(r.stdout) as Record<string, unknown>) : {};
    };
    const t = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000).toISOString();
    run(['cloudwatch', 'put-metric-data', '--namespace', 'Lab/Cli', '--metric-name', 'Jobs', '--value', '7', '--unit', 'Count', '--timestamp', t]);
    const stats = run(['cloudwatch', 'get-metric-statistics', '--namespace', 'Lab/Cli', '--metric-name', 'Jobs', '--start-time', t, '--end-time', new Date(Date.now() + 60_000).toISOString(), '--period', '60', '--statistics', 'Sum']);
    expect(stats).toMatchObject({ Label: 'Jobs', Datapoints: [{ Sum: 7, Unit: 'Count' }] });
    run(['cloudwatch', 'put-metric-alarm', '--alarm-name', 'jobs', '--namespace', 'Lab/Cli', '--metric-name', 'Jobs', '--statistic', 'Sum', '--period', '3600', '--evaluation-periods', '1', '--threshold', '1', '--comparison-operator', 'GreaterThanOrEqualToThreshold']);
    run(['cloudwatch', 'set-alarm-state', '--alarm-name', 'jobs', '--state-value', 'ALARM', '--state-reason', 'cli']);
    const described = run(['cloudwatch', 'describe-alarms', '--alarm-names', 'jobs']) as { MetricAlarms: { StateValue: string; StateReason: string }[] };
    expect(described.MetricAlarms[0]).toMatchObject({ StateValue: 'ALARM', StateReason: 'cli' });
    const bad = awsCli(lab(), ['cloudwatch', 'put-metric-alarm', '--alarm-name', 'x', '--namespace', 'N', '--metric-name', 'M', '--statistic', 'Sum', '--period', '45', '--evaluation-periods', '1', '--threshold', '1', '--comparison-operator', 'GreaterThanThreshold']);
    expect(bad.status).toBe(254);
    expect(bad.stderr).toContain('ValidationError');
  });
});
