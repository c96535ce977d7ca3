/** The details tabs of the load balancing pages. */
import { text } from '../../aws/json';
import type { LiveTab } from './live-tab';
import { classicHealthRows, listenerRows, loadBalancerTargetRows, monitoringRows, targetHealthRows } from './tables';

const HEALTH_COLUMNS = [
  { title: 'Instance', value: 'id' },
  { title: 'Port', value: 'port' },
  { title: 'Zone', value: 'zone' },
  { title: 'Health status', value: 'state', state: true },
  { title: 'Health status details', value: 'reason' },
];

export const loadBalancerTabs = (now: () => Promise<number>): LiveTab[] => [
  {
    name: 'listeners',
    title: 'Listeners and rules',
    source: (r) => text(r, 'LoadBalancerArn'),
    load: (call, r) => listenerRows(call, text(r, 'LoadBalancerArn')),
    columns: [
      { title: 'Listener', value: 'listener' },
      { title: 'Priority', value: 'priority' },
      { title: 'Conditions', value: 'conditions' },
      { title: 'Action', value: 'action' },
    ],
    empty: 'No listeners: the load balancer accepts no connections.',
    reloadOn: ['CreateListener', 'DeleteListener', 'ModifyListener', 'CreateRule', 'DeleteRule'],
    test: 'listeners',
  },
  {
    name: 'targets',
    title: 'Targets',
    source: (r) => text(r, 'LoadBalancerArn'),
    load: (call, r) => loadBalancerTargetRows(call, text(r, 'LoadBalancerArn')),
    columns: [{ title: 'Target group', value: 'group' }, ...HEALTH_COLUMNS],
    empty: 'No registered targets.',
    reloadOn: ['RegisterTargets', 'DeregisterTargets', 'CreateListener', 'DeleteListener', 'ModifyTargetGroup'],
    test: 'lb-targets',
  },
  {
    name: 'monitoring',
    title: 'Monitoring',
    source: (r) => text(r, 'LoadBalancerArn'),
    load: async (call, r) => monitoringRows(call, await now(), text(r, 'LoadBalancerArn')),
    columns: [
      { title: 'Metric (AWS/ApplicationELB, last hour)', value: 'metric' },
      { title: 'Statistic', value: 'stat' },
      { title: 'Value', value: 'value' },
    ],
    empty: 'No metrics yet.',
    reloadOn: [],
    test: 'lb-metrics',
  },
];

export const targetGroupTabs: LiveTab[] = [
  {
    name: 'targets',
    title: 'Targets',
    source: (r) => text(r, 'TargetGroupArn'),
    load: (call, r) => targetHealthRows(call, text(r, 'TargetGroupArn')),
    columns: HEALTH_COLUMNS,
    empty: 'No registered targets.',
    reloadOn: ['RegisterTargets', 'DeregisterTargets', 'ModifyTargetGroup', 'CreateListener', 'DeleteListener'],
    test: 'targets',
  },
];

export const classicTabs: LiveTab[] = [
  {
    name: 'instances',
    title: 'Instances',
    source: (r) => text(r, 'LoadBalancerName'),
    load: (call, r) => classicHealthRows(call, text(r, 'LoadBalancerName')),
    columns: [
      { title: 'Instance', value: 'id' },
      { title: 'Status', value: 'state', state: true },
      { title: 'Reason', value: 'reason' },
      { title: 'Description', value: 'description' },
    ],
    empty: 'No registered instances.',
    reloadOn: ['RegisterInstancesWithLoadBalancer', 'DeregisterInstancesFromLoadBalancer', 'ConfigureHealthCheck'],
    test: 'classic-instances',
  },
];
