import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidParameterValue, invalidSpotPrice } from './errors';
import { planLaunch } from './RunInstances';
import { type AwsError } from '../../protocol/errors';
import { catchUp, onInstanceStateChange, registerLifecycleKind, scheduleStep } from './state/instance-lifecycle';
import { launchInstances } from './state/launch';
import {
  SPOT_EVALUATION_MS,
  SPOT_STATUS_MESSAGES,
  findSpotRequest,
  newSpotRequestId,
  setSpotStatus,
  spotPrice,
  type SpotRequestRow,
} from './state/spot';
import { onDemandPrice } from './state/instance-types';
import { applyTagSpecifications, checkTagSpecifications, tagsByResource } from './state/tags';

type In = Ec2Input<'RequestSpotInstances'>;
type LaunchSpec = NonNullable<In['LaunchSpecification']>;

/** The launch specification as RunInstances input, for planLaunch. */
function runInput(spec: LaunchSpec): Ec2Input<'RunInstances'> {
  return {
    MinCount: 1,
    MaxCount: 1,
    ImageId: spec.ImageId,
    InstanceType: spec.InstanceType,
    KeyName: spec.KeyName,
    SecurityGroupIds: spec.SecurityGroupIds,
    SecurityGroups: spec.SecurityGroups,
    SubnetId: spec.SubnetId,
    UserData: spec.UserData,
    BlockDeviceMappings: spec.BlockDeviceMappings,
    IamInstanceProfile: spec.IamInstanceProfile,
    Monitoring: spec.Monitoring ? { Enabled: spec.Monitoring.Enabled ?? false } : undefined,
    Placement: spec.Placement?.AvailabilityZone ? { AvailabilityZone: spec.Placement.AvailabilityZone } : undefined,
    NetworkInterfaces: spec.NetworkInterfaces as Ec2Input<'RunInstances'>['NetworkInterfaces'],
    EbsOptimized: spec.EbsOptimized,
  };
}

function checkPrice(price: string | undefined): string | undefined {
  if (price === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(price) || Number(price) <= 0) throw invalidSpotPrice(price);
  return price;
}

/** Evaluates an open request: launches its instance when the maximum price covers the market. */
function evaluate(ctx: Ctx, req: SpotRequestRow): void {
  if (req.state !== 'open') return;
  const spec = JSON.parse(req.launch_spec) as LaunchSpec;
  let plan;
  try {
    plan = planLaunch(ctx, runInput(spec), { min: 1, max: 1 });
  } catch (e) {
    setSpotStatus(ctx, req.request_id, 'failed', 'bad-parameters', (e as AwsError).message ?? SPOT_STATUS_MESSAGES['bad-parameters']!);
    return;
  }
  const market = spotPrice(ctx.region, plan.subnet.availability_zone, plan.type.instanceType, ctx.clock.now());
  if (Number(req.spot_price) < market) {
    setSpotStatus(ctx, req.request_id, 'open', 'price-too-low', SPOT_STATUS_MESSAGES['price-too-low']!);
    // Markets move: try again at the next evaluation.
    scheduleStep(ctx, 'spot-evaluate', req.request_id, ctx.clock.now() + 3_600_000);
    return;
  }
  const { instances } = launchInstances(ctx, { ...plan, spotRequestId: req.request_id });
  setSpotStatus(ctx, req.request_id, 'active', 'fulfilled', SPOT_STATUS_MESSAGES.fulfilled!, {
    instanceId: instances[0]!.instance_id,
    zone: plan.subnet.availability_zone,
  });
}

registerLifecycleKind('spot-evaluate', (ctx, step) => {
  const req = findSpotRequest(ctx, step.resource_id);
  if (req) evaluate(ctx, req);
});

// A one-time request closes when its instance ends; a persistent one opens again and relaunches.
onInstanceStateChange(({ ctx, instanceId, current }) => {
  if (current !== 'terminated' && current !== 'stopped') return;
  const req = ctx.store
    .stmt("SELECT * FROM ec2_spot_requests WHERE account_id = ? AND region = ? AND instance_id = ? AND state = 'active'")
    .get(ctx.accountId, ctx.region, instanceId) as SpotRequestRow | undefined;
  if (!req || current !== 'terminated') return;
  if (req.type === 'persistent') {
    setSpotStatus(ctx, req.request_id, 'open', 'pending-evaluation', SPOT_STATUS_MESSAGES['pending-evaluation']!);
    scheduleStep(ctx, 'spot-evaluate', req.request_id, ctx.clock.now() + SPOT_EVALUATION_MS);
  } else setSpotStatus(ctx, req.request_id, 'closed', 'instance-terminated-by-user', SPOT_STATUS_MESSAGES['instance-terminated-by-user']!);
});

export function spotRequestOutput(ctx: Ctx, r: SpotRequestRow, tags: { Key: string; Value: string }[]): Record<string, unknown> {
  const spec = JSON.parse(r.launch_spec) as LaunchSpec;
  return {
    CreateTime: new Date(r.created_at),
    InstanceId: r.instance_id ?? undefined,
    LaunchSpecification: {
      ImageId: spec.ImageId,
      InstanceType: spec.InstanceType,
      KeyName: spec.KeyName,
      SecurityGroups: [...(spec.SecurityGroupIds ?? []).map((id) => ({ GroupId: id })), ...(spec.SecurityGroups ?? []).map((n) => ({ GroupName: n }))],
      SubnetId: spec.SubnetId,
      Placement: spec.Placement,
      Monitoring: { Enabled: spec.Monitoring?.Enabled ?? false },
      BlockDeviceMappings: spec.BlockDeviceMappings,
      IamInstanceProfile: spec.IamInstanceProfile,
    },
    LaunchedAvailabilityZone: r.availability_zone ?? undefined,
    ProductDescription: 'Linux/UNIX',
    SpotInstanceRequestId: r.request_id,
    SpotPrice: r.spot_price,
    State: r.state,
    Status: { Code: r.status_code, Message: r.status_message, UpdateTime: new Date(r.status_time) },
    Tags: tags.length ? tags : undefined,
    Type: r.type,
    ValidFrom: r.valid_from !== null ? new Date(r.valid_from) : undefined,
    ValidUntil: r.valid_until !== null ? new Date(r.valid_until) : undefined,
    InstanceInterruptionBehavior: 'terminate',
  };
}

/** Requests spot instances (§3.8.2): open, evaluated after a few seconds, then fulfilled or waiting for a lower price. */
export function RequestSpotInstances(ctx: Ctx, input: In): Ec2Output<'RequestSpotInstances'> {
  catchUp(ctx);
  const spec = input.LaunchSpecification;
  if (!spec) throw invalidParameterValue('LaunchSpecification is required.');
  const count = input.InstanceCount ?? 1;
  if (count < 1) throw invalidParameterValue(`Invalid value '${count}' for instanceCount.`);
  const type = input.Type ?? 'one-time';
  if (type !== 'one-time' && type !== 'persistent') throw invalidParameterValue(`Invalid value '${type}' for type.`);
  // Everything a launch needs is checked now, so a bad request fails here and not later.
  planLaunch(ctx, runInput(spec), { min: 1, max: 1 });
  const price = checkPrice(input.SpotPrice) ?? String(onDemandPrice(spec.InstanceType ?? 't2.micro', ctx.region));
  checkTagSpecifications(ctx, input.TagSpecifications, ['spot-instances-request']);
  checkDryRun(input);
  const now = ctx.clock.now();
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const id = newSpotRequestId();
    ctx.store
      .stmt(
        `INSERT INTO ec2_spot_requests (account_id, region, request_id, type, state, status_code, status_message, status_time,
           spot_price, launch_spec, valid_from, valid_until, created_at)
         VALUES (?, ?, ?, ?, 'open', 'pending-evaluation', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        ctx.accountId, ctx.region, id, type, SPOT_STATUS_MESSAGES['pending-evaluation'], now, price, JSON.stringify(spec),
        input.ValidFrom ? new Date(input.ValidFrom).getTime() : null, input.ValidUntil ? new Date(input.ValidUntil).getTime() : null, now,
      );
    applyTagSpecifications(ctx, input.TagSpecifications, 'spot-instances-request', id);
    scheduleStep(ctx, 'spot-evaluate', id, now + SPOT_EVALUATION_MS);
    const row = findSpotRequest(ctx, id)!;
    out.push(spotRequestOutput(ctx, row, tagsByResource(ctx, [id]).get(id) ?? []));
  }
  return { SpotInstanceRequests: out as Ec2Output<'RequestSpotInstances'>['SpotInstanceRequests'] };
}
