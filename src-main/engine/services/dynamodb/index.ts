/**
 * The DynamoDB provider: tables, items, expressions, secondary indexes, capacity accounting with
 * throttling on the simulated clock, batches, transactions, TTL and tags.
 */
import { defineService } from '../../core/provider';
import { dynamodbResourceProviders } from './cloudformation';
import { dynamodbIamTable } from './iam-table';
import { dynamodbInventory } from './inventory';
import { dynamodbMigrations } from './migrations';
import { CreateTable } from './CreateTable';
import { DeleteItem } from './DeleteItem';
import { DeleteTable } from './DeleteTable';
import { DescribeTable } from './DescribeTable';
import { GetItem } from './GetItem';
import { ListTables } from './ListTables';
import { PutItem } from './PutItem';
import { Query } from './Query';
import { Scan } from './Scan';
import { UpdateItem } from './UpdateItem';
import { UpdateTable } from './UpdateTable';
import { BatchGetItem } from './BatchGetItem';
import { BatchWriteItem } from './BatchWriteItem';
import { TransactGetItems } from './TransactGetItems';
import { TransactWriteItems } from './TransactWriteItems';
import { UpdateTimeToLive } from './UpdateTimeToLive';
import { DescribeTimeToLive } from './DescribeTimeToLive';
import { TagResource } from './TagResource';
import { UntagResource } from './UntagResource';
import { ListTagsOfResource } from './ListTagsOfResource';
import { DescribeLimits } from './DescribeLimits';
import { startTtl } from './ttl';
import { settlePendingStatuses } from './resume';
import { withBinaryOutput as bytes } from './wire';
import { dynamodbMetrics } from './metrics';

export const dynamodbProvider = defineService({
  service: 'dynamodb',
  migrations: dynamodbMigrations,
  handlers: {
    CreateTable,
    DeleteTable,
    DescribeTable,
    ListTables,
    UpdateTable,
    DeleteItem: bytes(DeleteItem),
    GetItem: bytes(GetItem),
    PutItem: bytes(PutItem),
    Query: bytes(Query),
    Scan: bytes(Scan),
    UpdateItem: bytes(UpdateItem),
    BatchGetItem: bytes(BatchGetItem),
    BatchWriteItem,
    TransactGetItems: bytes(TransactGetItems),
    TransactWriteItems,
    UpdateTimeToLive,
    DescribeTimeToLive,
    TagResource,
    UntagResource,
    ListTagsOfResource,
    DescribeLimits,
  },
  start: (engine) => {
    settlePendingStatuses(engine);
    startTtl(engine);
  },
  iam: dynamodbIamTable,
  cloudformation: dynamodbResourceProviders,
  inventory: dynamodbInventory,
  metrics: dynamodbMetrics,
});

export { consumption } from './throughput';

/** A table's capacity settings, for Application Auto Scaling's checks (undefined: no such table). */
export { findTable as findTableForScaling } from './state/tables';
