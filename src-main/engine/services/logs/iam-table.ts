/** What IAM checks for each CloudWatch Logs call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

export const logsIamTable: ServiceTable = {
  prefix: 'logs',
  starPrefixes: ['DescribeLogGroups', 'DescribeMetricFilters'],
  members: {
    logGroupName: 'arn:${Partition}:logs:${Region}:${Account}:log-group:${logGroupName}:*',
    logGroupIdentifier: 'arn:${Partition}:logs:${Region}:${Account}:log-group:${logGroupIdentifier|last}:*',
  },
};
