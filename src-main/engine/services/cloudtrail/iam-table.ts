/** What IAM checks for each CloudTrail call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

const trail = (member: string) => `arn:\${Partition}:cloudtrail:\${Region}:\${Account}:trail/\${${member}|last}`;

export const cloudtrailIamTable: ServiceTable = {
  prefix: 'cloudtrail',
  starPrefixes: ['LookupEvents', 'DescribeTrails', 'ListTrails'],
  members: { Name: trail('Name') },
};
