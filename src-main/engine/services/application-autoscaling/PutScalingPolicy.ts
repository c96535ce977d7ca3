import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { objectNotFound, validation } from './errors';
import { dynamoTarget } from './dimensions';
import { findTarget, trackingAlarms } from './state/targets';

type In = OperationInput<'application-autoscaling', 'PutScalingPolicy'>;

const METRIC_FOR: Record<string, string> = {
  read: 'DynamoDBReadCapacityUtilization',
  write: 'DynamoDBWriteCapacityUtilization',
};

/** Target tracking on DynamoDB utilization; the scaler (scaler.ts) acts on it every simulated minute. */
export function PutScalingPolicy(ctx: Ctx, input: In) {
  const t = dynamoTarget(input.ServiceNamespace, input.ResourceId, input.ScalableDimension);
  if (!findTarget(ctx, input.ServiceNamespace, input.ResourceId, input.ScalableDimension)) {
    throw objectNotFound(
      `No scalable target registered for service namespace: ${input.ServiceNamespace}, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}`,
    );
  }
  const type = input.PolicyType ?? 'StepScaling';
  if (type !== 'TargetTrackingScaling')
    throw validation(`Unsupported policy type ${type} for service namespace dynamodb`);
  const cfg = input.TargetTrackingScalingPolicyConfiguration;
  if (!cfg)
    throw validation('TargetTrackingScalingPolicyConfiguration is required for a policy of type TargetTrackingScaling');
  const metric = cfg.PredefinedMetricSpecification?.PredefinedMetricType;
  if (!metric && !cfg.CustomizedMetricSpecification)
    throw validation('Either PredefinedMetricSpecification or CustomizedMetricSpecification must be specified');
  if (metric && metric !== METRIC_FOR[t.kind])
    throw validation(`Predefined metric ${metric} is not supported for scalable dimension ${input.ScalableDimension}`);
  if (cfg.TargetValue < 20 || cfg.TargetValue > 90)
    throw validation('The target value must be between 20.0 and 90.0 for DynamoDB');
  const where = [
    ctx.accountId,
    ctx.region,
    input.ServiceNamespace,
    input.ResourceId,
    input.ScalableDimension,
    input.PolicyName,
  ];
  const existing = ctx.store
    .stmt(
      'SELECT arn, created_at FROM aas_policies WHERE account_id = ? AND region = ? AND namespace = ? AND resource_id = ? AND dimension = ? AND name = ?',
    )
    .get(...where) as { arn: string; created_at: number } | undefined;
  const arn =
    existing?.arn ??
    `arn:aws:autoscaling:${ctx.region}:${ctx.accountId}:scalingPolicy:${randomUUID()}:resource/${input.ServiceNamespace}/${input.ResourceId}:policyName/${input.PolicyName}`;
  ctx.store
    .stmt(
      `INSERT INTO aas_policies (account_id, region, namespace, resource_id, dimension, name, arn, type, config, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, region, namespace, resource_id, dimension, name) DO UPDATE SET type = excluded.type, config = excluded.config`,
    )
    .run(...where, arn, type, JSON.stringify(cfg), existing?.created_at ?? ctx.clock.now());
  return { PolicyARN: arn, Alarms: trackingAlarms(ctx.region, ctx.accountId, { resource_id: input.ResourceId, arn }) };
}
