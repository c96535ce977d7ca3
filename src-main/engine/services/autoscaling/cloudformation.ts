/**
 * CloudFormation resource types of Auto Scaling, through the real API. A group is ready once its
 * desired capacity is InService (CloudFormation waits for a group to stabilise); a CreationPolicy's
 * signals from its instances (cfn-signal --resource) are then awaited by the stack runner.
 */
import { allTags, bool, clean, generatedName, ignoreNotFound, num, objList, str, strList, type Json, type JsonObject, type ResourceCtx, type ResourceProvider } from '../../core/resource-provider';

const asg = (rc: ResourceCtx, op: string, input: Record<string, unknown>) => rc.call('autoscaling', op, input);

const isGroupGone = (e: unknown) => e instanceof Error && /not found/i.test(e.message);

function blockDevices(v: Json | undefined) {
  const list = objList(v).map((m) => {
    const ebs = m.Ebs as JsonObject | undefined;
    return clean({
      DeviceName: str(m.DeviceName),
      VirtualName: str(m.VirtualName),
      NoDevice: bool(m.NoDevice),
      Ebs: ebs ? clean({ VolumeSize: num(ebs.VolumeSize), VolumeType: str(ebs.VolumeType), DeleteOnTermination: bool(ebs.DeleteOnTermination), Iops: num(ebs.Iops), SnapshotId: str(ebs.SnapshotId), Encrypted: bool(ebs.Encrypted) }) : undefined,
    });
  });
  return list.length ? list : undefined;
}

const launchConfiguration: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.LaunchConfigurationName) ?? generatedName(rc, 255, { suffix: 12 });
    await asg(rc, 'CreateLaunchConfiguration', clean({
      LaunchConfigurationName: name,
      ImageId: str(props.ImageId),
      InstanceType: str(props.InstanceType),
      KeyName: str(props.KeyName),
      SecurityGroups: strList(props.SecurityGroups),
      UserData: str(props.UserData),
      IamInstanceProfile: str(props.IamInstanceProfile),
      AssociatePublicIpAddress: bool(props.AssociatePublicIpAddress),
      BlockDeviceMappings: blockDevices(props.BlockDeviceMappings),
      InstanceMonitoring: props.InstanceMonitoring !== undefined ? { Enabled: bool(props.InstanceMonitoring) ?? true } : undefined,
      EbsOptimized: bool(props.EbsOptimized),
      SpotPrice: str(props.SpotPrice),
      PlacementTenancy: str(props.PlacementTenancy),
    }));
    return { physicalId: name };
  },
  async delete(rc, physicalId) {
    await ignoreNotFound(asg(rc, 'DeleteLaunchConfiguration', { LaunchConfigurationName: physicalId }).catch((e: unknown) => {
      if (isGroupGone(e)) return;
      throw e;
    }));
  },
};

/** LaunchTemplate, or the template of a MixedInstancesPolicy (its overrides are not simulated). */
function templateOf(props: JsonObject) {
  const mixed = (props.MixedInstancesPolicy as JsonObject | undefined)?.LaunchTemplate as JsonObject | undefined;
  const lt = (props.LaunchTemplate ?? mixed?.LaunchTemplateSpecification) as JsonObject | undefined;
  return lt ? clean({ LaunchTemplateId: str(lt.LaunchTemplateId), LaunchTemplateName: str(lt.LaunchTemplateName), Version: str(lt.Version) }) : undefined;
}

function groupInput(props: JsonObject) {
  return clean({
    LaunchConfigurationName: str(props.LaunchConfigurationName),
    LaunchTemplate: templateOf(props),
    MinSize: num(props.MinSize),
    MaxSize: num(props.MaxSize),
    DesiredCapacity: num(props.DesiredCapacity),
    DefaultCooldown: num(props.Cooldown),
    AvailabilityZones: strList(props.AvailabilityZones),
    VPCZoneIdentifier: strList(props.VPCZoneIdentifier)?.join(','),
    HealthCheckType: str(props.HealthCheckType),
    HealthCheckGracePeriod: num(props.HealthCheckGracePeriod),
    TerminationPolicies: strList(props.TerminationPolicies),
    NewInstancesProtectedFromScaleIn: bool(props.NewInstancesProtectedFromScaleIn),
  });
}

async function describeGroup(rc: ResourceCtx, name: string): Promise<Record<string, any> | undefined> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const out = await asg(rc, 'DescribeAutoScalingGroups', { AutoScalingGroupNames: [name] });
  return out.AutoScalingGroups?.[0];
}

/** `PT5M`, `PT1M30S` → seconds. */
const seconds = (iso: string | undefined): number | undefined => {
  const m = iso ? /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso) : null;
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : undefined;
};

/**
 * The group's UpdatePolicy.AutoScalingRollingUpdate, from the stack's processed template (a
 * provider is handed only the properties).
 */
async function rollingUpdate(rc: ResourceCtx): Promise<JsonObject | undefined> {
  try {
    const out = await rc.call('cloudformation', 'GetTemplate', { StackName: rc.stackId, TemplateStage: 'Processed' });
    const doc = JSON.parse(String(out.TemplateBody)) as { Resources?: Record<string, { UpdatePolicy?: { AutoScalingRollingUpdate?: JsonObject } }> };
    return doc.Resources?.[rc.logicalId]?.UpdatePolicy?.AutoScalingRollingUpdate;
  } catch {
    return undefined;
  }
}

/**
 * A rolling update as an instance refresh: batches of MaxBatchSize, never fewer than
 * MinInstancesInService in service, PauseTime as each batch's warm-up; the update waits for it.
 */
async function rollInstances(rc: ResourceCtx, name: string, policy: JsonObject): Promise<void> {
  const g = await describeGroup(rc, name);
  const desired = Number(g?.DesiredCapacity ?? 0);
  if (!g || desired === 0) return;
  const batch = Math.max(1, num(policy.MaxBatchSize) ?? 1);
  const keep = Math.max(num(policy.MinInstancesInService) ?? 0, desired - batch, 0);
  const pause = seconds(str(policy.PauseTime)) ?? (bool(policy.WaitOnResourceSignals) ? 300 : 0);
  const { InstanceRefreshId } = await asg(rc, 'StartInstanceRefresh', { AutoScalingGroupName: name, Preferences: { MinHealthyPercentage: Math.min(100, Math.ceil((keep / desired) * 100)), InstanceWarmup: pause } });
  await rc.waitFor(
    async () => {
      const r = (await asg(rc, 'DescribeInstanceRefreshes', { AutoScalingGroupName: name, InstanceRefreshIds: [InstanceRefreshId] })).InstanceRefreshes?.[0];
      if (r?.Status === 'Cancelled' || r?.Status === 'Failed') throw new Error(`The rolling update of ${name} did not finish: ${String(r.StatusReason ?? r.Status)}`);
      return r?.Status === 'Successful';
    },
    5_000,
    60 * 60_000,
    `Auto Scaling group ${name} to replace its instances (rolling update)`,
  );
}

const group: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.AutoScalingGroupName) ?? generatedName(rc, 255, { suffix: 12 });
    const tags = objList(props.Tags).map((t) => ({ ResourceId: name, ResourceType: 'auto-scaling-group', Key: String(t.Key), Value: String(t.Value ?? ''), PropagateAtLaunch: bool(t.PropagateAtLaunch) ?? false }));
    // CloudFormation's own tags reach the instances too, as on AWS.
    for (const t of allTags(rc, {})) if (!tags.some((x) => x.Key === t.Key)) tags.push({ ResourceId: name, ResourceType: 'auto-scaling-group', Key: t.Key, Value: t.Value, PropagateAtLaunch: true });
    const hooks = objList(props.LifecycleHookSpecificationList).map((h) => hookInput(h));
    await asg(rc, 'CreateAutoScalingGroup', clean({ AutoScalingGroupName: name, ...groupInput(props), TargetGroupARNs: strList(props.TargetGroupARNs), LoadBalancerNames: strList(props.LoadBalancerNames), Tags: tags, LifecycleHookSpecificationList: hooks.length ? hooks : undefined }));
    for (const m of objList(props.MetricsCollection)) await asg(rc, 'EnableMetricsCollection', clean({ AutoScalingGroupName: name, Granularity: str(m.Granularity) ?? '1Minute', Metrics: strList(m.Metrics) }));
    return { physicalId: name };
  },
  async update(rc, physicalId, props, old) {
    await asg(rc, 'UpdateAutoScalingGroup', { AutoScalingGroupName: physicalId, ...groupInput(props) });
    const launchChanged = JSON.stringify([props.LaunchConfigurationName, templateOf(props)]) !== JSON.stringify([old.LaunchConfigurationName, templateOf(old)]);
    const policy = launchChanged ? await rollingUpdate(rc) : undefined;
    if (policy) await rollInstances(rc, physicalId, policy);
    const before = strList(old.TargetGroupARNs) ?? [];
    const after = strList(props.TargetGroupARNs) ?? [];
    const added = after.filter((a) => !before.includes(a));
    const gone = before.filter((a) => !after.includes(a));
    if (added.length) await asg(rc, 'AttachLoadBalancerTargetGroups', { AutoScalingGroupName: physicalId, TargetGroupARNs: added });
    if (gone.length) await asg(rc, 'DetachLoadBalancerTargetGroups', { AutoScalingGroupName: physicalId, TargetGroupARNs: gone });
  },
  async ready(rc, physicalId) {
    const g = await describeGroup(rc, physicalId);
    if (!g) return false;
    const inService = (g.Instances as { LifecycleState: string }[]).filter((i) => i.LifecycleState === 'InService').length;
    return inService >= Number(g.DesiredCapacity);
  },
  async delete(rc, physicalId) {
    const g = await describeGroup(rc, physicalId);
    if (!g) return;
    if (g.Status !== 'Delete in progress') await asg(rc, 'DeleteAutoScalingGroup', { AutoScalingGroupName: physicalId, ForceDelete: true });
    await rc.waitFor(async () => (await describeGroup(rc, physicalId)) === undefined, 5_000, 30 * 60_000, `Auto Scaling group ${physicalId} to terminate its instances`);
  },
};

function hookInput(h: JsonObject) {
  return clean({
    LifecycleHookName: str(h.LifecycleHookName),
    LifecycleTransition: str(h.LifecycleTransition),
    NotificationTargetARN: str(h.NotificationTargetARN),
    RoleARN: str(h.RoleARN),
    NotificationMetadata: str(h.NotificationMetadata),
    HeartbeatTimeout: num(h.HeartbeatTimeout),
    DefaultResult: str(h.DefaultResult),
  });
}

/** AWS::AutoScaling::LifecycleHook: Ref is the hook's name. */
const lifecycleHook: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.LifecycleHookName) ?? generatedName(rc, 255, { suffix: 12 });
    await asg(rc, 'PutLifecycleHook', { ...hookInput(props), LifecycleHookName: name, AutoScalingGroupName: str(props.AutoScalingGroupName) });
    return { physicalId: name };
  },
  async update(rc, physicalId, props) {
    await asg(rc, 'PutLifecycleHook', { ...hookInput(props), LifecycleHookName: physicalId, AutoScalingGroupName: str(props.AutoScalingGroupName) });
  },
  async delete(rc, physicalId, props) {
    await asg(rc, 'DeleteLifecycleHook', { LifecycleHookName: physicalId, AutoScalingGroupName: str(props.AutoScalingGroupName) }).catch((e: unknown) => {
      if (!(e instanceof Error && /not found|No Lifecycle Hook/i.test(e.message))) throw e;
    });
  },
};

const scalingPolicy: ResourceProvider = {
  async create(rc, props) {
    const name = generatedName(rc, 255, { suffix: 12 });
    const tt = props.TargetTrackingConfiguration as JsonObject | undefined;
    const pre = tt?.PredefinedMetricSpecification as JsonObject | undefined;
    const out = await asg(rc, 'PutScalingPolicy', clean({
      AutoScalingGroupName: str(props.AutoScalingGroupName),
      PolicyName: name,
      PolicyType: str(props.PolicyType),
      AdjustmentType: str(props.AdjustmentType),
      ScalingAdjustment: num(props.ScalingAdjustment),
      MinAdjustmentMagnitude: num(props.MinAdjustmentMagnitude),
      Cooldown: num(props.Cooldown),
      MetricAggregationType: str(props.MetricAggregationType),
      EstimatedInstanceWarmup: num(props.EstimatedInstanceWarmup),
      StepAdjustments: props.StepAdjustments
        ? objList(props.StepAdjustments).map((s) => clean({ MetricIntervalLowerBound: num(s.MetricIntervalLowerBound), MetricIntervalUpperBound: num(s.MetricIntervalUpperBound), ScalingAdjustment: num(s.ScalingAdjustment) }))
        : undefined,
      TargetTrackingConfiguration: tt
        ? clean({
            TargetValue: num(tt.TargetValue),
            DisableScaleIn: bool(tt.DisableScaleIn),
            PredefinedMetricSpecification: pre ? clean({ PredefinedMetricType: str(pre.PredefinedMetricType), ResourceLabel: str(pre.ResourceLabel) }) : undefined,
            CustomizedMetricSpecification: tt.CustomizedMetricSpecification as Record<string, unknown> | undefined,
          })
        : undefined,
    }));
    return { physicalId: String(out.PolicyARN), attributes: { Arn: String(out.PolicyARN), PolicyName: name } };
  },
  async delete(rc, physicalId, props) {
    await asg(rc, 'DeletePolicy', { PolicyName: physicalId, AutoScalingGroupName: str(props.AutoScalingGroupName) }).catch((e: unknown) => {
      if (!(e instanceof Error && /not found|No scaling policy/i.test(e.message))) throw e;
    });
  },
};

const scheduledAction: ResourceProvider = {
  async create(rc, props) {
    const name = generatedName(rc, 255, { suffix: 12 });
    await asg(rc, 'PutScheduledUpdateGroupAction', clean({
      AutoScalingGroupName: str(props.AutoScalingGroupName),
      ScheduledActionName: name,
      StartTime: str(props.StartTime),
      EndTime: str(props.EndTime),
      Recurrence: str(props.Recurrence),
      MinSize: num(props.MinSize),
      MaxSize: num(props.MaxSize),
      DesiredCapacity: num(props.DesiredCapacity),
      TimeZone: str(props.TimeZone),
    }));
    return { physicalId: name, attributes: { ScheduledActionName: name } };
  },
  async delete(rc, physicalId, props) {
    await asg(rc, 'DeleteScheduledAction', { AutoScalingGroupName: str(props.AutoScalingGroupName), ScheduledActionName: physicalId }).catch((e: unknown) => {
      if (!(e instanceof Error && /not found/i.test(e.message))) throw e;
    });
  },
};

export const autoscalingCloudFormation: Record<string, ResourceProvider> = {
  'AWS::AutoScaling::LaunchConfiguration': launchConfiguration,
  'AWS::AutoScaling::AutoScalingGroup': group,
  'AWS::AutoScaling::ScalingPolicy': scalingPolicy,
  'AWS::AutoScaling::ScheduledAction': scheduledAction,
  'AWS::AutoScaling::LifecycleHook': lifecycleHook,
};
