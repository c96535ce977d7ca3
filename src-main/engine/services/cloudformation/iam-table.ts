/** What IAM checks for each CloudFormation call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

export const cloudformationIamTable: ServiceTable = {
  prefix: 'cloudformation',
  starPrefixes: ['ValidateTemplate', 'ListStacks', 'DescribeStacks', 'EstimateTemplateCost', 'GetTemplateSummary', 'ListExports', 'DescribeAccountLimits'],
  members: { StackName: 'arn:${Partition}:cloudformation:${Region}:${Account}:stack/${StackName}/*' },
};
