import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getTargetGroup, loadBalancersOfGroup } from './state/target-groups';
import { healthOf, targetsOf } from './state/targets';

export const DescribeTargetHealth = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DescribeTargetHealth'>) => {
  const tg = getTargetGroup(ctx, input.TargetGroupArn);
  const now = ctx.clock.now();
  const rows = targetsOf(ctx, tg.arn).filter((t) => t.draining_until === null || t.draining_until > now);
  const inUse = loadBalancersOfGroup(ctx, tg.arn).length > 0;
  const hcPort = (port: number) => (tg.hc_port === 'traffic-port' ? String(port) : tg.hc_port);
  const describe = (t: (typeof rows)[number]) => ({
    Target: { Id: t.target_id, Port: t.port, ...(t.zone && tg.target_type !== 'instance' ? { AvailabilityZone: t.zone } : {}) },
    HealthCheckPort: hcPort(t.port),
    TargetHealth: healthOf(ctx, tg, t, inUse),
  });
  if (!input.Targets?.length) return { TargetHealthDescriptions: rows.map(describe) };
  return {
    TargetHealthDescriptions: input.Targets.flatMap((q) => {
      const found = rows.filter((r) => r.target_id === q.Id && (q.Port === undefined || r.port === q.Port));
      if (found.length) return found.map(describe);
      const port = q.Port ?? tg.port ?? 0;
      return [{ Target: { Id: q.Id, Port: port }, HealthCheckPort: hcPort(port), TargetHealth: { State: 'unused', Reason: 'Target.NotRegistered', Description: 'Target is not registered to the target group' } }];
    }),
  };
};
