import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { objectNotFound } from './errors';
import { findTarget } from './state/targets';

/** Removes the target and its policies, as AWS does. */
export function DeregisterScalableTarget(
  ctx: Ctx,
  input: OperationInput<'application-autoscaling', 'DeregisterScalableTarget'>,
) {
  const key = [ctx.accountId, ctx.region, input.ServiceNamespace, input.ResourceId, input.ScalableDimension];
  if (!findTarget(ctx, input.ServiceNamespace, input.ResourceId, input.ScalableDimension)) {
    throw objectNotFound(
      `No scalable target found for service namespace: ${input.ServiceNamespace}, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}`,
    );
  }
  const where = 'account_id = ? AND region = ? AND namespace = ? AND resource_id = ? AND dimension = ?';
  ctx.store.stmt(`DELETE FROM aas_policies WHERE ${where}`).run(...key);
  ctx.store.stmt(`DELETE FROM aas_targets WHERE ${where}`).run(...key);
  return {};
}
