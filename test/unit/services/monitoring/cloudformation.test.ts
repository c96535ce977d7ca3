import { afterEach, describe, expect, it } from 'vitest';
import { cfnLab, type CfnLab } from '../../cloudformation/lab';

let lab: CfnLab | undefined;
afterEach(() => {
  lab?.engine.close();
  lab = undefined;
});

const template = JSON.stringify({
  Resources: {
    Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'ops', Subscription: [{ Protocol: 'email', Endpoint: 'ops@example.com' }] } },
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/stack/app', RetentionInDays: 14 } },
    Alarm: {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmName: 'stack-cpu',
        Namespace: 'AWS/EC2',
        MetricName: 'CPUUtilization',
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 80,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: 'Topic' }],
      },
    },
    Rule: {
      Type: 'AWS::Events::Rule',
      Properties: { Name: 'stack-tick', ScheduleExpression: 'rate(5 minutes)', Targets: [{ Id: 'topic', Arn: { Ref: 'Topic' } }] },
    },
  },
  Outputs: { AlarmArn: { Value: { 'Fn::GetAtt': ['Alarm', 'Arn'] } }, RuleArn: { Value: { 'Fn::GetAtt': ['Rule', 'Arn'] } } },
});

describe('CloudFormation types of the monitoring services', () => {
  it('creates and deletes a topic with a subscription, a log group, an alarm and a scheduled rule', async () => {
    lab = cfnLab();
    await lab.cfn('CreateStack', { StackName: 'mon', TemplateBody: template });
    await lab.settle();
    expect(await lab.status('mon')).toBe('CREATE_COMPLETE');
    const acct = lab.engine.account.accountId;
    const alarm = (await lab.call('monitoring', 'DescribeAlarms', { AlarmNames: ['stack-cpu'] })).MetricAlarms[0];
    expect(alarm.AlarmActions).toEqual([`arn:aws:sns:us-east-1:${acct}:ops`]);
    expect((await lab.call('sns', 'ListSubscriptionsByTopic', { TopicArn: `arn:aws:sns:us-east-1:${acct}:ops` })).Subscriptions[0].Endpoint).toBe('ops@example.com');
    expect((await lab.call('logs', 'DescribeLogGroups', {})).logGroups[0]).toMatchObject({ logGroupName: '/stack/app', retentionInDays: 14 });
    expect((await lab.call('events', 'ListTargetsByRule', { Rule: 'stack-tick' })).Targets).toEqual([{ Id: 'topic', Arn: `arn:aws:sns:us-east-1:${acct}:ops` }]);
    const outputs = (await lab.cfn('DescribeStacks', { StackName: 'mon' })).Stacks[0].Outputs as { OutputKey: string; OutputValue: string }[];
    expect(Object.fromEntries(outputs.map((o) => [o.OutputKey, o.OutputValue]))).toEqual({
      AlarmArn: `arn:aws:cloudwatch:us-east-1:${acct}:alarm:stack-cpu`,
      RuleArn: `arn:aws:events:us-east-1:${acct}:rule/stack-tick`,
    });
    await lab.cfn('DeleteStack', { StackName: 'mon' });
    await lab.settle();
    expect((await lab.call('monitoring', 'DescribeAlarms', {})).MetricAlarms).toEqual([]);
    expect((await lab.call('sns', 'ListTopics', {})).Topics).toEqual([]);
    expect((await lab.call('events', 'ListRules', {})).Rules).toEqual([]);
    expect((await lab.call('logs', 'DescribeLogGroups', {})).logGroups).toEqual([]);
  });
});
