import { describe, expect, it } from 'vitest';
import { ddbEngine } from '../dynamodb/helpers';

const settle = () => new Promise((ok) => setTimeout(ok, 50));

describe('Application Auto Scaling on DynamoDB', () => {
  it('scales a table out from CloudWatch consumed capacity after two hot minutes', async () => {
    const { engine, clock, call, table } = ddbEngine();
    const aas = (op: string, input: Record<string, unknown>) =>
      engine.call(engine.account.root, 'application-autoscaling', op, input) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    await table('hot');
    const filler = 'x'.repeat(4000);
    for (let i = 0; i < 50; i++)
      await call('PutItem', { TableName: 'hot', Item: { uid: { S: `k${i}` }, pad: { S: filler } } });
    await aas('RegisterScalableTarget', {
      ServiceNamespace: 'dynamodb',
      ResourceId: 'table/hot',
      ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
      MinCapacity: 5,
      MaxCapacity: 100,
    });
    const put = await aas('PutScalingPolicy', {
      PolicyName: 'read',
      ServiceNamespace: 'dynamodb',
      ResourceId: 'table/hot',
      ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 70,
        PredefinedMetricSpecification: { PredefinedMetricType: 'DynamoDBReadCapacityUtilization' },
      },
    });
    expect(put.Alarms).toHaveLength(2);
    const hotMinute = async () => {
      for (let i = 0; i < 6; i++) await call('Scan', { TableName: 'hot', ConsistentRead: true });
      clock.advance(60_000);
      await settle();
    };
    await hotMinute();
    await hotMinute();
    await hotMinute();
    const t = (await call('DescribeTable', { TableName: 'hot' })).Table;
    expect(t.ProvisionedThroughput.ReadCapacityUnits).toBeGreaterThanOrEqual(8);
    const acts = await aas('DescribeScalingActivities', { ServiceNamespace: 'dynamodb', ResourceId: 'table/hot' });
    expect(acts.ScalingActivities[0]).toMatchObject({
      StatusCode: 'Successful',
      Description: expect.stringMatching(/^Setting read capacity units to \d+\.$/),
    });
    const metrics = (await engine.call(engine.account.root, 'monitoring', 'GetMetricStatistics', {
      Namespace: 'AWS/DynamoDB',
      MetricName: 'ConsumedReadCapacityUnits',
      Dimensions: [{ Name: 'TableName', Value: 'hot' }],
      StartTime: new Date(clock.now() - 600_000),
      EndTime: new Date(clock.now()),
      Period: 60,
      Statistics: ['Sum'],
    })) as { Datapoints: { Sum: number }[] };
    expect(Math.max(...metrics.Datapoints.map((d) => d.Sum))).toBeGreaterThan(210);
  });

  it('validates targets and policies, and answers other namespaces honestly', async () => {
    const { engine, table } = ddbEngine();
    const fail = (op: string, input: Record<string, unknown>) =>
      engine.call(engine.account.root, 'application-autoscaling', op, input).then(
        () => {
          throw new Error('ok?');
        },
        (e: { code: string; message: string }) => e,
      );
    await table('cold');
    expect(
      (
        await fail('RegisterScalableTarget', {
          ServiceNamespace: 'dynamodb',
          ResourceId: 'table/missing',
          ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
          MinCapacity: 1,
          MaxCapacity: 5,
        })
      ).code,
    ).toBe('ValidationException');
    expect(
      (
        await fail('RegisterScalableTarget', {
          ServiceNamespace: 'dynamodb',
          ResourceId: 'table/cold',
          ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
          MinCapacity: 9,
          MaxCapacity: 5,
        })
      ).message,
    ).toBe('Minimum capacity cannot be greater than maximum capacity');
    expect(
      (
        await fail('PutScalingPolicy', {
          PolicyName: 'p',
          ServiceNamespace: 'dynamodb',
          ResourceId: 'table/cold',
          ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 },
        })
      ).code,
    ).toBe('ObjectNotFoundException');
    expect(
      (
        await fail('RegisterScalableTarget', {
          ServiceNamespace: 'ecs',
          ResourceId: 'service/c/s',
          ScalableDimension: 'ecs:service:DesiredCount',
          MinCapacity: 1,
          MaxCapacity: 2,
        })
      ).code,
    ).toBe('NotImplemented');
  });
});
