/** What IAM checks for each DynamoDB Streams call: the actions are `dynamodb:*`, on the stream's ARN. */
import type { ServiceTable } from '../../core/iam-table';

export const dynamodbstreamsIamTable: ServiceTable = {
  prefix: 'dynamodb',
  starPrefixes: ['ListStreams'],
  members: {
    StreamArn: '${StreamArn}',
  },
  // GetRecords names no ARN (only an iterator), so it is checked against `*`.
};
