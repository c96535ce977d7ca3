import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { getTargetGroup, targetGroupOutput } from './state/target-groups';

export const ModifyTargetGroup = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'ModifyTargetGroup'>) => {
  const tg = getTargetGroup(ctx, input.TargetGroupArn);
  const interval = input.HealthCheckIntervalSeconds ?? tg.hc_interval;
  const timeout = input.HealthCheckTimeoutSeconds ?? tg.hc_timeout;
  if (timeout >= interval) throw validationError('Health check timeout must be smaller than the interval');
  ctx.store
    .stmt(
      `UPDATE elbv2_target_groups SET hc_protocol = ?, hc_port = ?, hc_path = ?, hc_enabled = ?, hc_interval = ?, hc_timeout = ?,
         healthy_threshold = ?, unhealthy_threshold = ?, matcher = ? WHERE arn = ?`,
    )
    .run(
      input.HealthCheckProtocol ?? tg.hc_protocol, input.HealthCheckPort ?? tg.hc_port, input.HealthCheckPath ?? tg.hc_path,
      input.HealthCheckEnabled === undefined ? tg.hc_enabled : input.HealthCheckEnabled ? 1 : 0, interval, timeout,
      input.HealthyThresholdCount ?? tg.healthy_threshold, input.UnhealthyThresholdCount ?? tg.unhealthy_threshold,
      input.Matcher?.HttpCode ? JSON.stringify({ HttpCode: input.Matcher.HttpCode }) : tg.matcher, tg.arn,
    );
  return { TargetGroups: [targetGroupOutput(ctx, getTargetGroup(ctx, tg.arn))] };
};
