/** What IAM checks for each DynamoDB call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

export const dynamodbIamTable: ServiceTable = {
  prefix: 'dynamodb',
  starPrefixes: ['ListTables', 'DescribeLimits', 'DescribeEndpoints'],
  members: {
    TableName: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}',
    ResourceArn: '${ResourceArn}',
  },
};
