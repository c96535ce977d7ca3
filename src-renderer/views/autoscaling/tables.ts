/** What the details tabs of an Auto Scaling group load: activity history, scaling policies, scheduled actions, hooks. */
import { at, list, text, when, type Row } from '../../aws/json';
import type { AwsCall } from '../../composables/useAws';
import type { LiveTab } from '../elb/live-tab';

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

export async function versionRows(call: AwsCall, id: string): Promise<Row[]> {
  const out = await call('ec2', 'DescribeLaunchTemplateVersions', { LaunchTemplateId: id });
  return list(out, 'LaunchTemplateVersions').map((v) => ({
    version: `${text(v, 'VersionNumber')}${v.DefaultVersion === true ? ' (Default)' : ''}`,
    description: text(v, 'VersionDescription'),
    image: text(v, 'LaunchTemplateData.ImageId'),
    type: text(v, 'LaunchTemplateData.InstanceType'),
    key: text(v, 'LaunchTemplateData.KeyName'),
    groups: ((): string => {
      const ids = at(v, 'LaunchTemplateData.SecurityGroupIds');
      return Array.isArray(ids) ? ids.map(String).join(', ') : '';
    })(),
  }));
}

const CHANGES = ['CreateAutoScalingGroup', 'UpdateAutoScalingGroup', 'SetDesiredCapacity', 'TerminateInstanceInAutoScalingGroup', 'ExecutePolicy', 'TerminateInstances', 'RunInstances', 'CompleteLifecycleAction', 'DeleteAutoScalingGroup'];
const groupName = (r: Row) => text(r, 'AutoScalingGroupName');

export const groupTabs: LiveTab[] = [
  {
    name: 'activity',
    title: 'Activity',
    source: groupName,
    load: (call, r) => activityRows(call, groupName(r)),
    columns: [
      { title: 'Status', value: 'status' },
      { title: 'Description', value: 'description' },
      { title: 'Cause', value: 'cause' },
      { title: 'Start time', value: 'start' },
      { title: 'End time', value: 'end' },
    ],
    empty: 'No activities yet.',
    reloadOn: CHANGES,
    test: 'activities',
  },
  {
    name: 'scaling',
    title: 'Automatic scaling',
    source: groupName,
    load: (call, r) => scalingRows(call, groupName(r)),
    columns: [
      { title: 'Type', value: 'kind' },
      { title: 'Name', value: 'name' },
      { title: 'Settings', value: 'what' },
      { title: 'CloudWatch alarms', value: 'alarms' },
    ],
    empty: 'No scaling policies or scheduled actions.',
    reloadOn: ['PutScalingPolicy', 'DeletePolicy', 'PutScheduledUpdateGroupAction', 'DeleteScheduledAction'],
    test: 'scaling',
  },
  {
    name: 'hooks',
    title: 'Lifecycle hooks',
    source: groupName,
    load: (call, r) => hookRows(call, groupName(r)),
    columns: [
      { title: 'Name', value: 'name' },
      { title: 'Transition', value: 'transition' },
      { title: 'Heartbeat timeout', value: 'timeout' },
      { title: 'Default result', value: 'result' },
      { title: 'Notification target', value: 'target' },
    ],
    empty: 'No lifecycle hooks.',
    reloadOn: ['PutLifecycleHook', 'DeleteLifecycleHook'],
    test: 'hooks',
  },
];

export const templateTabs: LiveTab[] = [
  {
    name: 'versions',
    title: 'Versions',
    source: (r) => `${text(r, 'LaunchTemplateId')}:${text(r, 'LatestVersionNumber')}:${text(r, 'DefaultVersionNumber')}`,
    load: (call, r) => versionRows(call, text(r, 'LaunchTemplateId')),
    columns: [
      { title: 'Version', value: 'version' },
      { title: 'Description', value: 'description' },
      { title: 'AMI ID', value: 'image' },
      { title: 'Instance type', value: 'type' },
      { title: 'Key pair', value: 'key' },
      { title: 'Security groups', value: 'groups' },
    ],
    empty: 'No versions.',
    reloadOn: ['CreateLaunchTemplateVersion', 'ModifyLaunchTemplate', 'DeleteLaunchTemplateVersions'],
    test: 'versions',
  },
];
