/**
 * DynamoDB Streams: the change log of tables with a StreamSpecification. Its own model and target
 * (`DynamoDBStreams_20120810`, signed as `dynamodb`). The dynamodb service appends the records in
 * each item change's transaction through the functions exported here; this folder owns the tables
 * and answers the four read operations.
 */
import { defineService } from '../../core/provider';
import { dynamodbstreamsIamTable } from './iam-table';
import { dynamodbstreamsMigrations } from './migrations';
import { startTrim } from './trim';
import { DescribeStream } from './DescribeStream';
import { GetRecords } from './GetRecords';
import { GetShardIterator } from './GetShardIterator';
import { ListStreams } from './ListStreams';

export const dynamodbstreamsProvider = defineService({
  service: 'dynamodbstreams',
  migrations: dynamodbstreamsMigrations,
  handlers: { DescribeStream, GetRecords, GetShardIterator, ListStreams },
  start: startTrim,
  iam: dynamodbstreamsIamTable,
  // A stream is part of its table: CloudFormation (StreamSpecification) and clean-up go through the table.
  cloudformation: {},
  inventory: [],
});

export { appendRecord, closeStreamsOf, syncStream, trimStreams, type ItemChange, type TableStream } from './state/streams';
