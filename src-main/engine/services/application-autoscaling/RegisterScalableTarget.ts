import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { findTableForScaling } from '../dynamodb';
import { validation } from './errors';
import { dynamoTarget } from './dimensions';
import { findTarget } from './state/targets';

type In = OperationInput<'application-autoscaling', 'RegisterScalableTarget'>;

/** Registers (or updates the limits of) a scalable target; only existing DynamoDB tables/indexes. */
export function RegisterScalableTarget(ctx: Ctx, input: In) {
  const t = dynamoTarget(input.ServiceNamespace, input.ResourceId, input.ScalableDimension);
  const table = findTableForScaling(ctx, t.table);
  if (!table) throw validation(`Table '${t.table}' does not exist`);
  if (t.index && !table.spec.gsis.some((g) => g.name === t.index))
    throw validation(`Global secondary index '${t.index}' does not exist on table '${t.table}'`);
  if (table.spec.billingMode === 'PAY_PER_REQUEST')
    throw validation(
      `Scalable target ${input.ResourceId} can not be registered because the table uses on-demand capacity (PAY_PER_REQUEST)`,
    );
  const existing = findTarget(ctx, input.ServiceNamespace, input.ResourceId, input.ScalableDimension);
  const min = input.MinCapacity ?? existing?.min_capacity;
  const max = input.MaxCapacity ?? existing?.max_capacity;
  if (min === undefined || max === undefined)
    throw validation('MinCapacity and MaxCapacity are required for registering a new scalable target');
  if (min > max) throw validation(`Minimum capacity cannot be greater than maximum capacity`);
  const role =
    input.RoleARN ??
    existing?.role_arn ??
    `arn:aws:iam::${ctx.accountId}:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable`;
  const arn =
    existing?.arn ??
    `arn:aws:application-autoscaling:${ctx.region}:${ctx.accountId}:scalable-target/${randomUUID().replace(/-/g, '').slice(0, 28)}`;
  ctx.store
    .stmt(
      `INSERT INTO aas_targets (account_id, region, namespace, resource_id, dimension, min_capacity, max_capacity, role_arn, arn, created_at, suspended)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, region, namespace, resource_id, dimension) DO UPDATE SET min_capacity = excluded.min_capacity,
         max_capacity = excluded.max_capacity, role_arn = excluded.role_arn, suspended = excluded.suspended`,
    )
    .run(
      ctx.accountId,
      ctx.region,
      input.ServiceNamespace,
      input.ResourceId,
      input.ScalableDimension,
      min,
      max,
      role,
      arn,
      existing?.created_at ?? ctx.clock.now(),
      input.SuspendedState ? JSON.stringify(input.SuspendedState) : (existing?.suspended ?? null),
    );
  return { ScalableTargetARN: arn };
}
