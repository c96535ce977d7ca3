/** The Auto Scaling pages (launch templates, launch configurations, groups), as data for ResourceListPage. */
import { at, compact, list, text, when, type Row } from '../../aws/json';
import { securityGroupOptions, subnetOptions } from '../../pages/options';
import type { ResourcePage } from '../../pages/types';
import { imageOptions, keyPairOptions, launchTemplateOptions, numOf, optionalTargetGroupOptions, str, subnetsOf } from '../elb/options';

const strings = (r: Row, path: string) => ((Array.isArray(r[path]) ? r[path] : []) as unknown[]).map(String).join(', ');
const inService = (r: Row) => list(r, 'Instances').filter((i) => text(i, 'LifecycleState') === 'InService').length;

/** User data goes to EC2 base64-encoded (UTF-8 first). */
const toBase64 = (s: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

const INSTANCE_TYPES = ['t2.nano', 't2.micro', 't2.small', 't2.medium', 't3.micro', 't3.small', 'm5.large'].map((t) => ({ value: t, label: t }));

export const launchTemplatesPage: ResourcePage = {
  title: 'Launch templates',
  noun: 'launch template',
  area: 'EC2',
  description: 'A launch template is a versioned set of instance settings (image, type, key, groups, user data) that Auto Scaling groups launch from (§17.1).',
  describe: { operation: 'DescribeLaunchTemplates', rows: (o) => list(o, 'LaunchTemplates') },
  idPath: 'LaunchTemplateId',
  columns: [
    { title: 'Launch template ID', value: 'LaunchTemplateId', link: true },
    { title: 'Launch template name', value: 'LaunchTemplateName' },
    { title: 'Default version', value: 'DefaultVersionNumber' },
    { title: 'Latest version', value: 'LatestVersionNumber' },
    { title: 'Create time', value: (r) => when(text(r, 'CreateTime')) },
  ],
  watch: ['CreateLaunchTemplate', 'CreateLaunchTemplateVersion', 'ModifyLaunchTemplate', 'DeleteLaunchTemplate', 'DeleteLaunchTemplateVersions'],
  create: {
    label: 'Create launch template',
    fields: [
      { key: 'Name', label: 'Launch template name', type: 'text', placeholder: 'web-server', help: '3 to 128 letters, digits and ( ) . - / _' },
      { key: 'ImageId', label: 'Amazon Machine Image (AMI)', type: 'select', options: imageOptions },
      { key: 'InstanceType', label: 'Instance type', type: 'select', initial: 't2.micro', options: INSTANCE_TYPES },
      { key: 'KeyName', label: 'Key pair (login)', type: 'select', options: keyPairOptions, optional: true },
      { key: 'SecurityGroupId', label: 'Security group', type: 'select', options: securityGroupOptions, optional: true },
      { key: 'UserData', label: 'User data', type: 'textarea', optional: true, placeholder: '#!/bin/bash\nyum install -y httpd' },
    ],
    async run(call, v) {
      const out = await call('ec2', 'CreateLaunchTemplate', {
        LaunchTemplateName: str(v, 'Name'),
        LaunchTemplateData: compact({
          ImageId: str(v, 'ImageId'),
          InstanceType: str(v, 'InstanceType'),
          KeyName: str(v, 'KeyName'),
          SecurityGroupIds: str(v, 'SecurityGroupId') ? [str(v, 'SecurityGroupId')] : undefined,
          UserData: str(v, 'UserData') ? toBase64(str(v, 'UserData')) : undefined,
        }),
      });
      return { message: `Successfully created launch template ${text(out, 'LaunchTemplate.LaunchTemplateName')} (${text(out, 'LaunchTemplate.LaunchTemplateId')}).` };
    },
  },
  actions: [
    {
      label: 'Modify template (create new version)',
      fields: [
        { key: 'InstanceType', label: 'Instance type', type: 'select', initial: 't2.micro', options: INSTANCE_TYPES },
        { key: 'Description', label: 'Template version description', type: 'text', optional: true },
        { key: 'MakeDefault', label: 'Set as the default version', type: 'checkbox', initial: false },
      ],
      async run(call, v, row) {
        const id = text(row, 'LaunchTemplateId');
        const out = await call('ec2', 'CreateLaunchTemplateVersion', compact({ LaunchTemplateId: id, SourceVersion: '$Latest', VersionDescription: str(v, 'Description'), LaunchTemplateData: { InstanceType: str(v, 'InstanceType') } }));
        const n = text(out, 'LaunchTemplateVersion.VersionNumber');
        if (v.MakeDefault === true) await call('ec2', 'ModifyLaunchTemplate', { LaunchTemplateId: id, DefaultVersion: n });
        return { message: `Version ${n} of ${text(row, 'LaunchTemplateName')} created.` };
      },
    },
    {
      label: 'Delete template',
      confirm: { title: 'Delete launch template', text: (r) => `Delete ${text(r, 'LaunchTemplateName')} and all its versions? Groups that launch from it can no longer launch.`, typeToConfirm: 'Delete', button: 'Delete' },
      async run(call, _v, row) {
        await call('ec2', 'DeleteLaunchTemplate', { LaunchTemplateId: text(row, 'LaunchTemplateId') });
        return { message: `Successfully deleted launch template ${text(row, 'LaunchTemplateName')}.` };
      },
    },
  ],
  details: (r) => [
    ['Launch template ID', text(r, 'LaunchTemplateId')],
    ['Launch template name', text(r, 'LaunchTemplateName')],
    ['Default version', text(r, 'DefaultVersionNumber')],
    ['Latest version', text(r, 'LatestVersionNumber')],
    ['Owner', text(r, 'CreatedBy')],
  ],
};

export const groupsPage: ResourcePage = {
  title: 'Auto Scaling groups',
  noun: 'Auto Scaling group',
  area: 'EC2',
  description: 'A group keeps its desired number of healthy instances running across zones, replaces failed ones (§14.2) and scales with policies (§17).',
  describe: { service: 'autoscaling', operation: 'DescribeAutoScalingGroups', rows: (o) => list(o, 'AutoScalingGroups') },
  idPath: 'AutoScalingGroupName',
  columns: [
    { title: 'Name', value: 'AutoScalingGroupName', link: true },
    { title: 'Launch template/configuration', value: (r) => text(r, 'LaunchTemplate.LaunchTemplateName') ? `${text(r, 'LaunchTemplate.LaunchTemplateName')} | Version ${text(r, 'LaunchTemplate.Version')}` : text(r, 'LaunchConfigurationName') },
    { title: 'Instances', value: (r) => String(inService(r)) },
    { title: 'Status', value: (r) => text(r, 'Status') || (list(r, 'Instances').length !== Number(text(r, 'DesiredCapacity')) || inService(r) !== Number(text(r, 'DesiredCapacity')) ? 'Updating capacity…' : '') },
    { title: 'Desired capacity', value: 'DesiredCapacity' },
    { title: 'Min', value: 'MinSize' },
    { title: 'Max', value: 'MaxSize' },
    { title: 'Availability Zones', value: (r) => strings(r, 'AvailabilityZones') },
  ],
  transitional: (r) => inService(r) !== Number(text(r, 'DesiredCapacity')) || list(r, 'Instances').length !== Number(text(r, 'DesiredCapacity')),
  watch: ['CreateAutoScalingGroup', 'UpdateAutoScalingGroup', 'DeleteAutoScalingGroup', 'SetDesiredCapacity', 'TerminateInstanceInAutoScalingGroup', 'ExecutePolicy', 'CompleteLifecycleAction', 'TerminateInstances'],
  create: {
    label: 'Create Auto Scaling group',
    fields: [
      { key: 'Name', label: 'Auto Scaling group name', type: 'text', placeholder: 'web-asg' },
      { key: 'LaunchTemplateId', label: 'Launch template', type: 'select', options: launchTemplateOptions },
      {
        key: 'Version',
        label: 'Version',
        type: 'select',
        initial: '$Default',
        options: [
          { value: '$Default', label: 'Default ($Default)' },
          { value: '$Latest', label: 'Latest ($Latest)' },
        ],
      },
      { key: 'SubnetA', label: 'Subnet (first Availability Zone)', type: 'select', options: subnetOptions },
      { key: 'SubnetB', label: 'Subnet (second Availability Zone)', type: 'select', options: subnetOptions, optional: true },
      { key: 'DesiredCapacity', label: 'Desired capacity', type: 'number', initial: 2 },
      { key: 'MinSize', label: 'Minimum capacity', type: 'number', initial: 2 },
      { key: 'MaxSize', label: 'Maximum capacity', type: 'number', initial: 4 },
      { key: 'TargetGroupArn', label: 'Attach to target group', type: 'select', options: optionalTargetGroupOptions, optional: true },
      {
        key: 'HealthCheckType',
        label: 'Health checks',
        type: 'select',
        initial: 'EC2',
        options: [
          { value: 'EC2', label: 'EC2 (instance status)' },
          { value: 'ELB', label: 'EC2 and Elastic Load Balancing' },
        ],
      },
      { key: 'HealthCheckGracePeriod', label: 'Health check grace period (seconds)', type: 'number', initial: 300 },
    ],
    async run(call, v) {
      await call('autoscaling', 'CreateAutoScalingGroup', compact({
        AutoScalingGroupName: str(v, 'Name'),
        LaunchTemplate: { LaunchTemplateId: str(v, 'LaunchTemplateId'), Version: str(v, 'Version') || '$Default' },
        VPCZoneIdentifier: subnetsOf(v).join(','),
        DesiredCapacity: numOf(v, 'DesiredCapacity'),
        MinSize: numOf(v, 'MinSize') ?? 0,
        MaxSize: numOf(v, 'MaxSize') ?? 1,
        TargetGroupARNs: str(v, 'TargetGroupArn') ? [str(v, 'TargetGroupArn')] : undefined,
        HealthCheckType: str(v, 'HealthCheckType'),
        HealthCheckGracePeriod: numOf(v, 'HealthCheckGracePeriod'),
      }));
      return { message: `Auto Scaling group ${str(v, 'Name')} created; it launches its instances now.` };
    },
  },
  actions: [
    {
      label: 'Edit capacity',
      fields: [
        { key: 'DesiredCapacity', label: 'Desired capacity', type: 'number' },
        { key: 'MinSize', label: 'Minimum capacity', type: 'number' },
        { key: 'MaxSize', label: 'Maximum capacity', type: 'number' },
      ],
      async run(call, v, row) {
        await call('autoscaling', 'UpdateAutoScalingGroup', compact({ AutoScalingGroupName: text(row, 'AutoScalingGroupName'), DesiredCapacity: numOf(v, 'DesiredCapacity'), MinSize: numOf(v, 'MinSize'), MaxSize: numOf(v, 'MaxSize') }));
        return { message: `Capacity of ${text(row, 'AutoScalingGroupName')} updated.` };
      },
    },
    {
      label: 'Create target tracking policy',
      fields: [
        { key: 'PolicyName', label: 'Scaling policy name', type: 'text', initial: 'Target Tracking Policy' },
        {
          key: 'Metric',
          label: 'Metric type',
          type: 'select',
          initial: 'ASGAverageCPUUtilization',
          options: [
            { value: 'ASGAverageCPUUtilization', label: 'Average CPU utilization' },
            { value: 'ASGAverageNetworkIn', label: 'Average network in (bytes)' },
            { value: 'ASGAverageNetworkOut', label: 'Average network out (bytes)' },
          ],
        },
        { key: 'TargetValue', label: 'Target value', type: 'number', initial: 70 },
      ],
      async run(call, v, row) {
        await call('autoscaling', 'PutScalingPolicy', {
          AutoScalingGroupName: text(row, 'AutoScalingGroupName'),
          PolicyName: str(v, 'PolicyName'),
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: str(v, 'Metric') }, TargetValue: numOf(v, 'TargetValue') ?? 70 },
        });
        return { message: `Policy ${str(v, 'PolicyName')} created with its CloudWatch alarms.` };
      },
    },
    {
      label: 'Create scheduled action',
      fields: [
        { key: 'Name', label: 'Name', type: 'text', placeholder: 'scale-out-mornings' },
        { key: 'Recurrence', label: 'Recurrence (cron, UTC)', type: 'text', initial: '0 8 * * *', optional: true, help: 'Empty: once, at the start time.' },
        { key: 'StartTime', label: 'Start time (ISO 8601, UTC)', type: 'text', optional: true, placeholder: '2026-12-24T08:00:00Z' },
        { key: 'DesiredCapacity', label: 'Desired capacity', type: 'number' },
      ],
      async run(call, v, row) {
        await call('autoscaling', 'PutScheduledUpdateGroupAction', compact({
          AutoScalingGroupName: text(row, 'AutoScalingGroupName'),
          ScheduledActionName: str(v, 'Name'),
          Recurrence: str(v, 'Recurrence'),
          StartTime: str(v, 'StartTime'),
          DesiredCapacity: numOf(v, 'DesiredCapacity'),
        }));
        return { message: `Scheduled action ${str(v, 'Name')} created.` };
      },
    },
    {
      label: 'Create lifecycle hook',
      fields: [
        { key: 'Name', label: 'Lifecycle hook name', type: 'text', placeholder: 'warm-up' },
        {
          key: 'Transition',
          label: 'Lifecycle transition',
          type: 'select',
          initial: 'autoscaling:EC2_INSTANCE_LAUNCHING',
          options: [
            { value: 'autoscaling:EC2_INSTANCE_LAUNCHING', label: 'Instance launch' },
            { value: 'autoscaling:EC2_INSTANCE_TERMINATING', label: 'Instance terminate' },
          ],
        },
        { key: 'HeartbeatTimeout', label: 'Heartbeat timeout (seconds)', type: 'number', initial: 3600 },
        {
          key: 'DefaultResult',
          label: 'Default result',
          type: 'select',
          initial: 'ABANDON',
          options: [
            { value: 'ABANDON', label: 'ABANDON' },
            { value: 'CONTINUE', label: 'CONTINUE' },
          ],
        },
      ],
      async run(call, v, row) {
        await call('autoscaling', 'PutLifecycleHook', { AutoScalingGroupName: text(row, 'AutoScalingGroupName'), LifecycleHookName: str(v, 'Name'), LifecycleTransition: str(v, 'Transition'), HeartbeatTimeout: numOf(v, 'HeartbeatTimeout') ?? 3600, DefaultResult: str(v, 'DefaultResult') });
        return { message: `Lifecycle hook ${str(v, 'Name')} created.` };
      },
    },
    {
      label: 'Delete',
      confirm: { title: 'Delete Auto Scaling group', text: (r) => `Delete ${text(r, 'AutoScalingGroupName')}? Its ${list(r, 'Instances').length} instance(s) are terminated.`, typeToConfirm: 'delete', button: 'Delete' },
      async run(call, _v, row) {
        await call('autoscaling', 'DeleteAutoScalingGroup', { AutoScalingGroupName: text(row, 'AutoScalingGroupName'), ForceDelete: true });
        return { message: `Deleting ${text(row, 'AutoScalingGroupName')}: its instances are terminating.` };
      },
    },
  ],
  details: (r) => [
    ['Desired / min / max capacity', `${text(r, 'DesiredCapacity')} / ${text(r, 'MinSize')} / ${text(r, 'MaxSize')}`],
    ['Launch template', text(r, 'LaunchTemplate.LaunchTemplateId') ? `${text(r, 'LaunchTemplate.LaunchTemplateName')} (${text(r, 'LaunchTemplate.LaunchTemplateId')}), version ${text(r, 'LaunchTemplate.Version')}` : ''],
    ['Launch configuration', text(r, 'LaunchConfigurationName')],
    ['Subnets', text(r, 'VPCZoneIdentifier')],
    ['Target groups', strings(r, 'TargetGroupARNs')],
    ['Classic load balancers', strings(r, 'LoadBalancerNames')],
    ['Health check type', text(r, 'HealthCheckType')],
    ['Health check grace period', `${text(r, 'HealthCheckGracePeriod')} s`],
    ['Default cooldown', `${text(r, 'DefaultCooldown')} s`],
    ['Termination policies', strings(r, 'TerminationPolicies')],
    ['Date created', when(text(r, 'CreatedTime'))],
  ],
  subTables: [
    {
      title: 'Instance management',
      rows: (r) => list(r, 'Instances'),
      columns: [
        { title: 'Instance ID', value: 'InstanceId' },
        { title: 'Lifecycle', value: 'LifecycleState' },
        { title: 'Instance type', value: 'InstanceType' },
        { title: 'Launch template/configuration', value: (i) => (text(i, 'LaunchTemplate.LaunchTemplateName') ? `${text(i, 'LaunchTemplate.LaunchTemplateName')} | Version ${text(i, 'LaunchTemplate.Version')}` : text(i, 'LaunchConfigurationName')) },
        { title: 'Availability Zone', value: 'AvailabilityZone' },
        { title: 'Health status', value: 'HealthStatus' },
        { title: 'Protected from scale in', value: (i) => (i.ProtectedFromScaleIn === true ? 'Yes' : 'No') },
      ],
    },
  ],
};

export const launchConfigurationsPage: ResourcePage = {
  title: 'Launch configurations',
  noun: 'launch configuration',
  area: 'EC2',
  description: 'The older, unversioned way to tell a group what to launch; the book’s templates use them (§14.2). New groups can use a launch template instead.',
  describe: { service: 'autoscaling', operation: 'DescribeLaunchConfigurations', rows: (o) => list(o, 'LaunchConfigurations') },
  idPath: 'LaunchConfigurationName',
  columns: [
    { title: 'Name', value: 'LaunchConfigurationName', link: true },
    { title: 'AMI ID', value: 'ImageId' },
    { title: 'Instance type', value: 'InstanceType' },
    { title: 'Key pair', value: 'KeyName' },
    { title: 'Security groups', value: (r) => strings(r, 'SecurityGroups') },
    { title: 'Creation time', value: (r) => when(text(r, 'CreatedTime')) },
  ],
  watch: ['CreateLaunchConfiguration', 'DeleteLaunchConfiguration'],
  create: {
    label: 'Create launch configuration',
    fields: [
      { key: 'Name', label: 'Name', type: 'text', placeholder: 'web-lc' },
      { key: 'ImageId', label: 'Amazon Machine Image (AMI)', type: 'select', options: imageOptions },
      { key: 'InstanceType', label: 'Instance type', type: 'select', initial: 't2.micro', options: INSTANCE_TYPES },
      { key: 'KeyName', label: 'Key pair (login)', type: 'select', options: keyPairOptions, optional: true },
      { key: 'SecurityGroupId', label: 'Security group', type: 'select', options: securityGroupOptions, optional: true },
      { key: 'UserData', label: 'User data', type: 'textarea', optional: true },
    ],
    async run(call, v) {
      await call('autoscaling', 'CreateLaunchConfiguration', compact({
        LaunchConfigurationName: str(v, 'Name'),
        ImageId: str(v, 'ImageId'),
        InstanceType: str(v, 'InstanceType'),
        KeyName: str(v, 'KeyName'),
        SecurityGroups: str(v, 'SecurityGroupId') ? [str(v, 'SecurityGroupId')] : undefined,
        UserData: str(v, 'UserData') ? toBase64(str(v, 'UserData')) : undefined,
      }));
      return { message: `Successfully created launch configuration ${str(v, 'Name')}.` };
    },
  },
  actions: [
    {
      label: 'Delete launch configuration',
      confirm: { title: 'Delete launch configuration', text: (r) => `Delete ${text(r, 'LaunchConfigurationName')}? A group still using it keeps it.`, button: 'Delete' },
      async run(call, _v, row) {
        await call('autoscaling', 'DeleteLaunchConfiguration', { LaunchConfigurationName: text(row, 'LaunchConfigurationName') });
        return { message: `Successfully deleted launch configuration ${text(row, 'LaunchConfigurationName')}.` };
      },
    },
  ],
  details: (r) => [
    ['AMI ID', text(r, 'ImageId')],
    ['Instance type', text(r, 'InstanceType')],
    ['Key pair', text(r, 'KeyName')],
    ['Security groups', strings(r, 'SecurityGroups')],
    ['IAM instance profile', text(r, 'IamInstanceProfile')],
    ['Monitoring', at(r, 'InstanceMonitoring.Enabled') === true ? 'Detailed' : 'Basic'],
    ['ARN', text(r, 'LaunchConfigurationARN')],
  ],
};
