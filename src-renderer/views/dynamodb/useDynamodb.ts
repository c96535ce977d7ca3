/** The DynamoDB pages' calls, each an AWS operation through the contract (useAws), in the learner's region. */
import type { JsonObject } from '../../../src-main/contract';
import { useAws } from '../../composables/useAws';
import type { KeySchemaElement } from './tables';

export interface TableDescription {
  TableName: string;
  TableStatus: string;
  TableArn: string;
  ItemCount?: number;
  TableSizeBytes?: number;
  CreationDateTime?: string;
  KeySchema: KeySchemaElement[];
  AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
  BillingModeSummary?: { BillingMode: string };
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
  GlobalSecondaryIndexes?: IndexDescription[];
  LocalSecondaryIndexes?: IndexDescription[];
  StreamSpecification?: { StreamEnabled: boolean; StreamViewType?: string };
  LatestStreamArn?: string;
  DeletionProtectionEnabled?: boolean;
}
export interface IndexDescription {
  IndexName: string;
  KeySchema: KeySchemaElement[];
  Projection: { ProjectionType: string };
  IndexStatus?: string;
  ItemCount?: number;
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
}

export function useDynamodb() {
  const aws = useAws();
  const ddb = <T = JsonObject>(operation: string, input: object = {}) => aws.call('dynamodb', operation, input as JsonObject) as Promise<T>;

  async function listTables(): Promise<TableDescription[]> {
    const names: string[] = [];
    let ExclusiveStartTableName: string | undefined;
    do {
      const out = await ddb<{ TableNames?: string[]; LastEvaluatedTableName?: string }>('ListTables', ExclusiveStartTableName ? { ExclusiveStartTableName } : {});
      names.push(...(out.TableNames ?? []));
      ExclusiveStartTableName = out.LastEvaluatedTableName;
    } while (ExclusiveStartTableName);
    return Promise.all(names.map(describe));
  }

  const describe = async (TableName: string) => (await ddb<{ Table: TableDescription }>('DescribeTable', { TableName })).Table;

  return { ...aws, ddb, listTables, describe };
}

export const billingOf = (t: TableDescription): string =>
  t.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' ? 'On-demand' : 'Provisioned';
