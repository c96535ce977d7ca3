/** What IAM checks for each CloudWatch call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

const alarm = (member: string) => `arn:\${Partition}:cloudwatch:\${Region}:\${Account}:alarm:\${${member}}`;

export const monitoringIamTable: ServiceTable = {
  prefix: 'cloudwatch',
  // Metric reads and writes take no resource-level permissions in CloudWatch.
  starPrefixes: ['PutMetricData', 'GetMetric', 'ListMetrics', 'DescribeAlarmsForMetric', 'DescribeAlarms', 'ListDashboards'],
  resources: {
    DescribeAlarmHistory: [alarm('AlarmName')],
    GetDashboard: ['arn:${Partition}:cloudwatch::${Account}:dashboard/${DashboardName}'],
    PutDashboard: ['arn:${Partition}:cloudwatch::${Account}:dashboard/${DashboardName}'],
    DeleteDashboards: ['arn:${Partition}:cloudwatch::${Account}:dashboard/${DashboardNames[]}'],
  },
  members: { AlarmName: alarm('AlarmName'), AlarmNames: alarm('AlarmNames[]') },
};
