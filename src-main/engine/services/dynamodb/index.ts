/**
 * The DynamoDB provider: tables, items, expressions, secondary indexes, capacity accounting with
 * throttling on the simulated clock, batches, transactions, TTL and tags.
 */
import { defineService } from '../../core/provider';
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

export const dynamodbProvider = defineService({
  service: 'dynamodb',
  migrations: dynamodbMigrations,
  handlers: { CreateTable, DeleteItem, DeleteTable, DescribeTable, GetItem, ListTables, PutItem, Query, Scan, UpdateItem, UpdateTable },
  iam: dynamodbIamTable,
  cloudformation: {},
  inventory: dynamodbInventory,
});

export { consumption } from './throughput';
