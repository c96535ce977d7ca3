/** What the details tabs of an Auto Scaling group load: activity history, scaling policies, scheduled actions, hooks. */
import { list, text, when, type Row } from '../../aws/json';
import type { AwsCall } from '../../composables/useAws';

export async function activityRows(call: AwsCall, group: string): Promise<Row[]> {
  const out = await call('autoscaling', 'DescribeScalingActivities', { AutoScalingGroupName: group, MaxRecords: 100 });
  return list(out, 'Activities').map((a) => ({
    status: text(a, 'StatusCode'),
    description: text(a, 'Description'),
    cause: text(a, 'Cause'),
    start: when(text(a, 'StartTime')),
    end: when(text(a, 'EndTime')),
  }));
}

function policyText(p: Row): string {
  const type = text(p, 'PolicyType');
  if (type === 'TargetTrackingScaling') {
    const metric = text(p, 'TargetTrackingConfiguration.PredefinedMetricSpecification.PredefinedMetricType') || 'custom metric';
    return `Target tracking: keep ${metric} at ${text(p, 'TargetTrackingConfiguration.TargetValue')}`;
  }
  if (type === 'StepScaling') return `Step scaling: ${list(p, 'StepAdjustments').map((s) => `${text(s, 'ScalingAdjustment')} (${text(s, 'MetricIntervalLowerBound') || '-∞'} to ${text(s, 'MetricIntervalUpperBound') || '+∞'})`).join(', ')} ${text(p, 'AdjustmentType')}`;
  return `Simple scaling: ${text(p, 'ScalingAdjustment')} ${text(p, 'AdjustmentType')}, cooldown ${text(p, 'Cooldown') || 'default'}`;
}

/** Dynamic policies (with their alarms), then scheduled actions. */
export async function scalingRows(call: AwsCall, group: string): Promise<Row[]> {
  const policies = list(await call('autoscaling', 'DescribePolicies', { AutoScalingGroupName: group }), 'ScalingPolicies');
  const scheduled = list(await call('autoscaling', 'DescribeScheduledActions', { AutoScalingGroupName: group }), 'ScheduledUpdateGroupActions');
  return [
    ...policies.map((p) => ({ kind: 'Dynamic scaling policy', name: text(p, 'PolicyName'), what: policyText(p), alarms: list(p, 'Alarms').map((a) => text(a, 'AlarmName')).join(', ') })),
    ...scheduled.map((s) => ({
      kind: 'Scheduled action',
      name: text(s, 'ScheduledActionName'),
      what: `${text(s, 'Recurrence') ? `Cron ${text(s, 'Recurrence')}` : 'Once'}, next ${when(text(s, 'StartTime'))}: desired ${text(s, 'DesiredCapacity') || '–'}, min ${text(s, 'MinSize') || '–'}, max ${text(s, 'MaxSize') || '–'}`,
      alarms: '',
    })),
  ];
}

export async function hookRows(call: AwsCall, group: string): Promise<Row[]> {
  const out = await call('autoscaling', 'DescribeLifecycleHooks', { AutoScalingGroupName: group });
  return list(out, 'LifecycleHooks').map((h) => ({
    name: text(h, 'LifecycleHookName'),
    transition: text(h, 'LifecycleTransition') === 'autoscaling:EC2_INSTANCE_LAUNCHING' ? 'Instance launch' : 'Instance terminate',
    timeout: `${text(h, 'HeartbeatTimeout')} s`,
    result: text(h, 'DefaultResult'),
    target: text(h, 'NotificationTargetARN'),
  }));
}
