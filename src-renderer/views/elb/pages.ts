/** The Load Balancing pages (EC2 console's left navigation on AWS), as data for ResourceListPage. */
import { compact, list, text, when, type Row } from '../../aws/json';
import { instanceOptions, securityGroupOptions, subnetOptions, vpcOptions } from '../../pages/options';
import type { ResourcePage } from '../../pages/types';
import { numOf, str, subnetsOf, targetGroupOptions } from './options';

const names = (r: Row, path: string, member: string) => list(r, path).map((x) => text(x, member)).join(', ');
const strings = (r: Row, path: string) => ((Array.isArray(r[path]) ? r[path] : []) as unknown[]).map(String).join(', ');

const subnetFields = [
  { key: 'SubnetA', label: 'Subnet (first Availability Zone)', type: 'select', options: subnetOptions },
  { key: 'SubnetB', label: 'Subnet (second Availability Zone)', type: 'select', options: subnetOptions },
] as const;

export const loadBalancersPage: ResourcePage = {
  title: 'Load balancers',
  noun: 'load balancer',
  area: 'EC2',
  description: 'An Application Load Balancer spreads HTTP requests over the healthy targets of its target groups (§15.1).',
  describe: { service: 'elasticloadbalancingv2', operation: 'DescribeLoadBalancers', rows: (o) => list(o, 'LoadBalancers') },
  idPath: 'LoadBalancerName',
  columns: [
    { title: 'Name', value: 'LoadBalancerName', link: true },
    { title: 'DNS name', value: 'DNSName' },
    { title: 'State', value: 'State.Code', state: true },
    { title: 'VPC ID', value: 'VpcId' },
    { title: 'Availability Zones', value: (r) => names(r, 'AvailabilityZones', 'ZoneName') },
    { title: 'Type', value: 'Type' },
    { title: 'Date created', value: (r) => when(text(r, 'CreatedTime')) },
  ],
  transitional: (r) => text(r, 'State.Code') === 'provisioning',
  watch: ['CreateLoadBalancer', 'DeleteLoadBalancer', 'CreateListener', 'DeleteListener'],
  create: {
    label: 'Create load balancer',
    fields: [
      { key: 'Name', label: 'Load balancer name', type: 'text', placeholder: 'my-alb', help: 'Up to 32 letters, digits and hyphens.' },
      {
        key: 'Scheme',
        label: 'Scheme',
        type: 'select',
        initial: 'internet-facing',
        options: [
          { value: 'internet-facing', label: 'Internet-facing' },
          { value: 'internal', label: 'Internal' },
        ],
      },
      ...subnetFields,
      { key: 'SecurityGroup', label: 'Security group', type: 'select', options: securityGroupOptions, help: 'It must allow the listener port from your clients.' },
      { key: 'Port', label: 'Listener port (HTTP)', type: 'number', initial: 80 },
      { key: 'TargetGroupArn', label: 'Default action: forward to target group', type: 'select', options: targetGroupOptions },
    ],
    async run(call, v) {
      const out = await call('elasticloadbalancingv2', 'CreateLoadBalancer', compact({ Name: str(v, 'Name'), Scheme: str(v, 'Scheme'), Subnets: subnetsOf(v), SecurityGroups: str(v, 'SecurityGroup') ? [str(v, 'SecurityGroup')] : undefined, Type: 'application' }));
      const lb = list(out, 'LoadBalancers')[0];
      await call('elasticloadbalancingv2', 'CreateListener', { LoadBalancerArn: text(lb, 'LoadBalancerArn'), Protocol: 'HTTP', Port: numOf(v, 'Port') ?? 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: str(v, 'TargetGroupArn') }] });
      return { message: `Successfully created load balancer ${text(lb, 'LoadBalancerName')}. It is provisioning; its DNS name answers once it is active.` };
    },
  },
  actions: [
    {
      label: 'Add listener',
      fields: [
        { key: 'Port', label: 'Port (HTTP)', type: 'number', initial: 8080 },
        { key: 'TargetGroupArn', label: 'Forward to target group', type: 'select', options: targetGroupOptions },
      ],
      async run(call, v, row) {
        await call('elasticloadbalancingv2', 'CreateListener', { LoadBalancerArn: text(row, 'LoadBalancerArn'), Protocol: 'HTTP', Port: numOf(v, 'Port') ?? 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: str(v, 'TargetGroupArn') }] });
        return { message: `Listener on port ${numOf(v, 'Port') ?? 80} added to ${text(row, 'LoadBalancerName')}.` };
      },
    },
    {
      label: 'Delete load balancer',
      confirm: { title: 'Delete load balancer', text: (r) => `Delete ${text(r, 'LoadBalancerName')} with its listeners? Its target groups and their targets stay.`, typeToConfirm: 'confirm', button: 'Delete' },
      async run(call, _v, row) {
        await call('elasticloadbalancingv2', 'DeleteLoadBalancer', { LoadBalancerArn: text(row, 'LoadBalancerArn') });
        return { message: `Successfully deleted load balancer ${text(row, 'LoadBalancerName')}.` };
      },
    },
  ],
  details: (r) => [
    ['Load balancer type', 'Application'],
    ['Status', text(r, 'State.Code')],
    ['Scheme', text(r, 'Scheme')],
    ['DNS name', text(r, 'DNSName')],
    ['VPC', text(r, 'VpcId')],
    ['Availability Zones', list(r, 'AvailabilityZones').map((z) => `${text(z, 'SubnetId')} (${text(z, 'ZoneName')})`).join(', ')],
    ['Security groups', strings(r, 'SecurityGroups')],
    ['Load balancer ARN', text(r, 'LoadBalancerArn')],
    ['Date created', when(text(r, 'CreatedTime'))],
  ],
};

export const targetGroupsPage: ResourcePage = {
  title: 'Target groups',
  noun: 'target group',
  area: 'EC2',
  description: 'A target group routes requests to registered instances and checks their health (§15.1).',
  describe: { service: 'elasticloadbalancingv2', operation: 'DescribeTargetGroups', rows: (o) => list(o, 'TargetGroups') },
  idPath: 'TargetGroupName',
  columns: [
    { title: 'Name', value: 'TargetGroupName', link: true },
    { title: 'Port', value: 'Port' },
    { title: 'Protocol', value: 'Protocol' },
    { title: 'Target type', value: 'TargetType' },
    { title: 'Load balancer', value: (r) => strings(r, 'LoadBalancerArns').replace(/arn:[^,]*:loadbalancer\/app\/([^/]+)\/[0-9a-f]+/g, '$1') || 'None associated' },
    { title: 'VPC ID', value: 'VpcId' },
  ],
  watch: ['CreateTargetGroup', 'DeleteTargetGroup', 'ModifyTargetGroup', 'CreateListener', 'DeleteListener', 'DeleteLoadBalancer', 'CreateRule', 'DeleteRule'],
  create: {
    label: 'Create target group',
    fields: [
      { key: 'Name', label: 'Target group name', type: 'text', placeholder: 'my-targets' },
      {
        key: 'Protocol',
        label: 'Protocol',
        type: 'select',
        initial: 'HTTP',
        options: [
          { value: 'HTTP', label: 'HTTP' },
          { value: 'HTTPS', label: 'HTTPS' },
        ],
      },
      { key: 'Port', label: 'Port', type: 'number', initial: 80 },
      { key: 'VpcId', label: 'VPC', type: 'select', options: vpcOptions },
      { key: 'HealthCheckPath', label: 'Health check path', type: 'text', initial: '/' },
    ],
    async run(call, v) {
      const out = await call('elasticloadbalancingv2', 'CreateTargetGroup', compact({ Name: str(v, 'Name'), Protocol: str(v, 'Protocol'), Port: numOf(v, 'Port'), VpcId: str(v, 'VpcId'), HealthCheckPath: str(v, 'HealthCheckPath'), TargetType: 'instance' }));
      return { message: `Successfully created target group ${text(list(out, 'TargetGroups')[0], 'TargetGroupName')}.` };
    },
  },
  actions: [
    {
      label: 'Register targets',
      fields: [
        { key: 'InstanceId', label: 'Instance', type: 'select', options: (call) => instanceOptions(call, ['running']) },
        { key: 'Port', label: 'Port', type: 'number', optional: true, help: 'Empty: the group’s port.' },
      ],
      async run(call, v, row) {
        await call('elasticloadbalancingv2', 'RegisterTargets', { TargetGroupArn: text(row, 'TargetGroupArn'), Targets: [compact({ Id: str(v, 'InstanceId'), Port: numOf(v, 'Port') })] });
        return { message: `${str(v, 'InstanceId')} registered with ${text(row, 'TargetGroupName')}. Its health checks start now.` };
      },
    },
    {
      label: 'Deregister target',
      fields: [{ key: 'InstanceId', label: 'Instance ID', type: 'text', placeholder: 'i-…' }],
      async run(call, v, row) {
        await call('elasticloadbalancingv2', 'DeregisterTargets', { TargetGroupArn: text(row, 'TargetGroupArn'), Targets: [{ Id: str(v, 'InstanceId') }] });
        return { message: `${str(v, 'InstanceId')} is draining from ${text(row, 'TargetGroupName')}.` };
      },
    },
    {
      label: 'Edit health check settings',
      fields: [
        { key: 'HealthCheckPath', label: 'Health check path', type: 'text', initial: '/' },
        { key: 'HealthCheckIntervalSeconds', label: 'Interval (seconds)', type: 'number', initial: 30 },
        { key: 'HealthyThresholdCount', label: 'Healthy threshold', type: 'number', initial: 5 },
        { key: 'UnhealthyThresholdCount', label: 'Unhealthy threshold', type: 'number', initial: 2 },
        { key: 'HttpCode', label: 'Success codes', type: 'text', initial: '200' },
      ],
      async run(call, v, row) {
        await call('elasticloadbalancingv2', 'ModifyTargetGroup', compact({
          TargetGroupArn: text(row, 'TargetGroupArn'),
          HealthCheckPath: str(v, 'HealthCheckPath'),
          HealthCheckIntervalSeconds: numOf(v, 'HealthCheckIntervalSeconds'),
          HealthyThresholdCount: numOf(v, 'HealthyThresholdCount'),
          UnhealthyThresholdCount: numOf(v, 'UnhealthyThresholdCount'),
          Matcher: str(v, 'HttpCode') ? { HttpCode: str(v, 'HttpCode') } : undefined,
        }));
        return { message: `Health check settings of ${text(row, 'TargetGroupName')} saved.` };
      },
    },
    {
      label: 'Delete target group',
      confirm: { title: 'Delete target group', text: (r) => `Delete ${text(r, 'TargetGroupName')}? A group a listener still uses cannot be deleted.`, button: 'Delete' },
      async run(call, _v, row) {
        await call('elasticloadbalancingv2', 'DeleteTargetGroup', { TargetGroupArn: text(row, 'TargetGroupArn') });
        return { message: `Successfully deleted target group ${text(row, 'TargetGroupName')}.` };
      },
    },
  ],
  details: (r) => [
    ['Target type', text(r, 'TargetType')],
    ['Protocol : Port', `${text(r, 'Protocol')} : ${text(r, 'Port')}`],
    ['VPC', text(r, 'VpcId')],
    ['Health check', `${text(r, 'HealthCheckProtocol')} ${text(r, 'HealthCheckPath')} on ${text(r, 'HealthCheckPort')}`],
    ['Interval / timeout', `${text(r, 'HealthCheckIntervalSeconds')} s / ${text(r, 'HealthCheckTimeoutSeconds')} s`],
    ['Healthy / unhealthy threshold', `${text(r, 'HealthyThresholdCount')} / ${text(r, 'UnhealthyThresholdCount')}`],
    ['Success codes', text(r, 'Matcher.HttpCode')],
    ['Target group ARN', text(r, 'TargetGroupArn')],
  ],
};

export const classicLoadBalancersPage: ResourcePage = {
  title: 'Classic load balancers',
  noun: 'classic load balancer',
  area: 'EC2',
  description: 'The previous generation: listeners forward straight to registered instances, checked by one health check.',
  describe: { service: 'elasticloadbalancing', operation: 'DescribeLoadBalancers', rows: (o) => list(o, 'LoadBalancerDescriptions') },
  idPath: 'LoadBalancerName',
  columns: [
    { title: 'Name', value: 'LoadBalancerName', link: true },
    { title: 'DNS name', value: 'DNSName' },
    { title: 'Scheme', value: 'Scheme' },
    { title: 'Instances', value: (r) => String(list(r, 'Instances').length) },
    { title: 'Health check', value: 'HealthCheck.Target' },
    { title: 'VPC ID', value: 'VPCId' },
  ],
  watch: ['CreateLoadBalancer', 'DeleteLoadBalancer', 'RegisterInstancesWithLoadBalancer', 'DeregisterInstancesFromLoadBalancer', 'ConfigureHealthCheck', 'CreateLoadBalancerListeners', 'DeleteLoadBalancerListeners'],
  create: {
    label: 'Create classic load balancer',
    fields: [
      { key: 'Name', label: 'Load balancer name', type: 'text', placeholder: 'my-elb' },
      ...subnetFields,
      { key: 'SecurityGroup', label: 'Security group', type: 'select', options: securityGroupOptions },
      { key: 'Port', label: 'Listener port (HTTP)', type: 'number', initial: 80 },
      { key: 'InstancePort', label: 'Instance port', type: 'number', initial: 80 },
    ],
    async run(call, v) {
      const out = await call('elasticloadbalancing', 'CreateLoadBalancer', compact({
        LoadBalancerName: str(v, 'Name'),
        Subnets: subnetsOf(v),
        SecurityGroups: str(v, 'SecurityGroup') ? [str(v, 'SecurityGroup')] : undefined,
        Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: numOf(v, 'Port') ?? 80, InstanceProtocol: 'HTTP', InstancePort: numOf(v, 'InstancePort') ?? 80 }],
      }));
      return { message: `Successfully created ${str(v, 'Name')}: ${text(out, 'DNSName')}.` };
    },
  },
  actions: [
    {
      label: 'Register instance',
      fields: [{ key: 'InstanceId', label: 'Instance', type: 'select', options: (call) => instanceOptions(call, ['running']) }],
      async run(call, v, row) {
        await call('elasticloadbalancing', 'RegisterInstancesWithLoadBalancer', { LoadBalancerName: text(row, 'LoadBalancerName'), Instances: [{ InstanceId: str(v, 'InstanceId') }] });
        return { message: `${str(v, 'InstanceId')} registered with ${text(row, 'LoadBalancerName')}.` };
      },
    },
    {
      label: 'Configure health check',
      fields: [
        { key: 'Target', label: 'Ping target', type: 'text', initial: 'HTTP:80/index.html', help: 'HTTP:port/path, HTTPS:port/path, TCP:port or SSL:port.' },
        { key: 'Interval', label: 'Interval (seconds)', type: 'number', initial: 30 },
        { key: 'Timeout', label: 'Response timeout (seconds)', type: 'number', initial: 5 },
        { key: 'UnhealthyThreshold', label: 'Unhealthy threshold', type: 'number', initial: 2 },
        { key: 'HealthyThreshold', label: 'Healthy threshold', type: 'number', initial: 10 },
      ],
      async run(call, v, row) {
        await call('elasticloadbalancing', 'ConfigureHealthCheck', {
          LoadBalancerName: text(row, 'LoadBalancerName'),
          HealthCheck: { Target: str(v, 'Target'), Interval: numOf(v, 'Interval') ?? 30, Timeout: numOf(v, 'Timeout') ?? 5, UnhealthyThreshold: numOf(v, 'UnhealthyThreshold') ?? 2, HealthyThreshold: numOf(v, 'HealthyThreshold') ?? 10 },
        });
        return { message: `Health check of ${text(row, 'LoadBalancerName')} saved.` };
      },
    },
    {
      label: 'Delete load balancer',
      confirm: { title: 'Delete load balancer', text: (r) => `Delete ${text(r, 'LoadBalancerName')}? Its instances keep running.`, typeToConfirm: 'confirm', button: 'Delete' },
      async run(call, _v, row) {
        await call('elasticloadbalancing', 'DeleteLoadBalancer', { LoadBalancerName: text(row, 'LoadBalancerName') });
        return { message: `Successfully deleted ${text(row, 'LoadBalancerName')}.` };
      },
    },
  ],
  details: (r) => [
    ['DNS name', text(r, 'DNSName')],
    ['Scheme', text(r, 'Scheme')],
    ['VPC', text(r, 'VPCId')],
    ['Subnets', strings(r, 'Subnets')],
    ['Security groups', strings(r, 'SecurityGroups')],
    ['Health check', `${text(r, 'HealthCheck.Target')} every ${text(r, 'HealthCheck.Interval')} s (healthy ${text(r, 'HealthCheck.HealthyThreshold')}, unhealthy ${text(r, 'HealthCheck.UnhealthyThreshold')})`],
    ['Date created', when(text(r, 'CreatedTime'))],
  ],
  subTables: [
    {
      title: 'Listeners',
      rows: (r) => list(r, 'ListenerDescriptions').map((d) => (d.Listener && typeof d.Listener === 'object' && !Array.isArray(d.Listener) ? d.Listener : {})),
      columns: [
        { title: 'Load balancer protocol', value: 'Protocol' },
        { title: 'Load balancer port', value: 'LoadBalancerPort' },
        { title: 'Instance protocol', value: 'InstanceProtocol' },
        { title: 'Instance port', value: 'InstancePort' },
      ],
    },
  ],
};
