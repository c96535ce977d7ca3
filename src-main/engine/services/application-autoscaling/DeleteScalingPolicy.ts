import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { objectNotFound } from './errors';

export function DeleteScalingPolicy(ctx: Ctx, input: OperationInput<'application-autoscaling', 'DeleteScalingPolicy'>) {
  const r = ctx.store
    .stmt(
      'DELETE FROM aas_policies WHERE account_id = ? AND region = ? AND namespace = ? AND resource_id = ? AND dimension = ? AND name = ?',
    )
    .run(
      ctx.accountId,
      ctx.region,
      input.ServiceNamespace,
      input.ResourceId,
      input.ScalableDimension,
      input.PolicyName,
    );
  if (r.changes === 0)
    throw objectNotFound(
      `No scaling policy found for service namespace: ${input.ServiceNamespace}, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}, policy name: ${input.PolicyName}`,
    );
  return {};
}
