import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { buildNetworkWorld } from '../ec2/index';
import { duplicateTargetGroupName, validationError } from './errors';
import { DEFAULT_TG_ATTRIBUTES, listTargetGroups, targetGroupOutput } from './state/target-groups';
import { targetGroupArn } from './state/names';
import { putTags } from './state/tags';

const NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

/** Target groups with AWS's defaults for an HTTP(S) group: checks of / every 30 s, 5 healthy, 2 unhealthy, code 200. */
export const CreateTargetGroup = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'CreateTargetGroup'>) => {
  const name = input.Name;
  if (!NAME.test(name)) throw validationError(`Target group name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`);
  const type = input.TargetType ?? 'instance';
  if (!['instance', 'ip', 'lambda', 'alb'].includes(type)) throw validationError(`Target type '${type}' must be one of [instance, ip, lambda, alb]`);
  const protocol = input.Protocol;
  if (type !== 'lambda') {
    if (!protocol) throw validationError('A protocol must be specified');
    if (input.Port === undefined) throw validationError('A port must be specified');
    if (!input.VpcId) throw validationError('A VPC ID must be specified');
    if (!['HTTP', 'HTTPS'].includes(protocol)) throw validationError(`Protocol '${protocol}' is not supported by Nimbus Lab's Application Load Balancers (HTTP and HTTPS are)`);
    if (!buildNetworkWorld(ctx).vpcs.some((v) => v.id === input.VpcId)) throw validationError(`The VPC ID '${input.VpcId}' is not found`);
  }
  const interval = input.HealthCheckIntervalSeconds ?? (type === 'lambda' ? 35 : 30);
  const timeout = input.HealthCheckTimeoutSeconds ?? (type === 'lambda' ? 30 : 5);
  if (timeout >= interval) throw validationError('Health check timeout must be smaller than the interval');
  const row = {
    protocol: protocol ?? null,
    port: input.Port ?? null,
    vpc_id: input.VpcId ?? null,
    hc_protocol: input.HealthCheckProtocol ?? protocol ?? null,
    hc_port: input.HealthCheckPort ?? 'traffic-port',
    hc_path: input.HealthCheckPath ?? '/',
    matcher: JSON.stringify({ HttpCode: input.Matcher?.HttpCode ?? '200' }),
  };
  const existing = listTargetGroups(ctx).find((t) => t.name === name);
  if (existing) {
    const same = existing.protocol === row.protocol && existing.port === row.port && existing.vpc_id === row.vpc_id && existing.target_type === type;
    if (!same) throw duplicateTargetGroupName(name);
    return { TargetGroups: [targetGroupOutput(ctx, existing)] };
  }
  const arn = targetGroupArn(ctx, name);
  ctx.store
    .stmt(
      `INSERT INTO elbv2_target_groups (account_id, region, arn, name, protocol, port, vpc_id, target_type, protocol_version, hc_enabled, hc_protocol,
         hc_port, hc_path, hc_interval, hc_timeout, healthy_threshold, unhealthy_threshold, matcher, attributes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ctx.accountId, ctx.region, arn, name, row.protocol, row.port, row.vpc_id, type, protocol ? (input.ProtocolVersion ?? 'HTTP1') : null,
      input.HealthCheckEnabled === false ? 0 : 1, row.hc_protocol, row.hc_port, row.hc_path, interval, timeout,
      input.HealthyThresholdCount ?? 5, input.UnhealthyThresholdCount ?? 2, row.matcher, JSON.stringify(DEFAULT_TG_ATTRIBUTES), ctx.clock.now(),
    );
  putTags(ctx, arn, input.Tags);
  return { TargetGroups: [targetGroupOutput(ctx, listTargetGroups(ctx).find((t) => t.arn === arn)!)] };
};
