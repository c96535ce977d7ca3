import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParams, limitExceeded, resourceInUse, validation } from './errors';
import { checkNames } from './request';
import { CREATE_MS, describeTable, findTable, type IndexSpec, type KeyElement, type TableSpec } from './state/tables';
import { syncTableStream } from './state/streams';

type In = OperationInput<'dynamodb', 'CreateTable'>;

const MAX_TABLES = 2500;

function throughputErrors(
  pt: { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined,
  path: string,
): string[] {
  const out: string[] = [];
  if (!pt) return out;
  for (const [k, v] of [
    ['writeCapacityUnits', pt.WriteCapacityUnits],
    ['readCapacityUnits', pt.ReadCapacityUnits],
  ] as const) {
    if (v !== undefined && v < 1)
      out.push(
        `Value '${v}' at '${path}.${k}' failed to satisfy constraint: Member must have value greater than or equal to 1`,
      );
  }
  return out;
}

function checkIndexSchema(
  ix: {
    IndexName: string;
    KeySchema: KeyElement[];
    Projection: { ProjectionType?: string; NonKeyAttributes?: string[] };
  },
  defns: string[],
): void {
  const keys = ix.KeySchema.map((k) => k.AttributeName);
  if (keys.some((k) => !defns.includes(k))) {
    throw invalidParams(
      `Some index key attributes are not defined in AttributeDefinitions. Keys: [${keys.join(', ')}], AttributeDefinitions: [${defns.join(', ')}]`,
    );
  }
  if (keys[1] !== undefined && keys[0] === keys[1])
    throw validation('Both the Hash Key and the Range Key element in the KeySchema have the same name');
  if (ix.KeySchema[0]!.KeyType !== 'HASH')
    throw validation('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  if (ix.KeySchema[1] && ix.KeySchema[1].KeyType !== 'RANGE')
    throw validation('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type');
  if (!ix.Projection.ProjectionType) throw invalidParams('Unknown ProjectionType: null');
  if (ix.Projection.NonKeyAttributes && ix.Projection.ProjectionType !== 'INCLUDE') {
    throw invalidParams(`ProjectionType is ${ix.Projection.ProjectionType}, but NonKeyAttributes is specified`);
  }
}

/** CreateTable: dynalite's checks in its order, then a CREATING table that turns ACTIVE on the simulated clock. */
export function CreateTable(ctx: Ctx, input: In) {
  const base = [
    ...throughputErrors(input.ProvisionedThroughput, 'provisionedThroughput'),
    ...(input.KeySchema.length > 2
      ? [
          `Value '[${input.KeySchema.map((k) => `KeySchemaElement(attributeName=${k.AttributeName}, keyType=${k.KeyType})`).join(', ')}]' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2`,
        ]
      : []),
    ...(input.KeySchema.length < 1
      ? [`Value '[]' at 'keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1`]
      : []),
  ];
  checkNames([['tableName', input.TableName]], base);
  const payPerRequest = input.BillingMode === 'PAY_PER_REQUEST';
  const pt = input.ProvisionedThroughput;
  if (payPerRequest) {
    if (pt)
      throw invalidParams(
        'Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST',
      );
  } else {
    if (!pt || !pt.ReadCapacityUnits || !pt.WriteCapacityUnits)
      throw invalidParams(
        'ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED',
      );
    if (pt.ReadCapacityUnits > 1e12)
      throw validation(`Given value ${pt.ReadCapacityUnits} for ReadCapacityUnits is out of bounds`);
    if (pt.WriteCapacityUnits > 1e12)
      throw validation(`Given value ${pt.WriteCapacityUnits} for WriteCapacityUnits is out of bounds`);
  }
  const defns = input.AttributeDefinitions.map((a) => a.AttributeName);
  const keys = input.KeySchema.map((k) => k.AttributeName);
  if (keys.length > defns.length) throw validation('Invalid KeySchema: Some index key attribute have no definition');
  if (keys.some((k) => !defns.includes(k))) {
    throw invalidParams(
      `Some index key attributes are not defined in AttributeDefinitions. Keys: [${keys.join(', ')}], AttributeDefinitions: [${defns.join(', ')}]`,
    );
  }
  if (keys[0] === keys[1])
    throw validation('Both the Hash Key and the Range Key element in the KeySchema have the same name');
  if (input.KeySchema[0]!.KeyType !== 'HASH')
    throw validation('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  if (input.KeySchema[1] && input.KeySchema[1].KeyType !== 'RANGE')
    throw validation('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type');

  const lsis = input.LocalSecondaryIndexes;
  const gsis = input.GlobalSecondaryIndexes;
  const indexNames = new Set<string>();
  if (lsis) {
    if (!lsis.length) throw invalidParams('List of LocalSecondaryIndexes is empty');
    if (input.KeySchema.length !== 2)
      throw invalidParams(
        'Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex',
      );
    for (const ix of lsis) {
      checkIndexSchema(ix as never, defns);
      if (ix.KeySchema.length !== 2)
        throw invalidParams(`Index KeySchema does not have a range key for index: ${ix.IndexName}`);
      if (ix.KeySchema[0]!.AttributeName !== keys[0]) {
        throw invalidParams(
          `Index KeySchema does not have the same leading hash key as table KeySchema for index: ${ix.IndexName}. index hash key: ${ix.KeySchema[0]!.AttributeName}, table hash key: ${keys[0]}`,
        );
      }
      if (indexNames.has(ix.IndexName)) throw invalidParams(`Duplicate index name: ${ix.IndexName}`);
      indexNames.add(ix.IndexName);
    }
    if (lsis.length > 5) throw invalidParams('Number of LocalSecondaryIndexes exceeds per-table limit of 5');
  }
  if (gsis) {
    if (!gsis.length) throw invalidParams('List of GlobalSecondaryIndexes is empty');
    for (const ix of gsis) {
      checkIndexSchema(ix as never, defns);
      if (payPerRequest && ix.ProvisionedThroughput)
        throw invalidParams(
          `ProvisionedThroughput should not be specified for index: ${ix.IndexName} when BillingMode is PAY_PER_REQUEST`,
        );
      if (!payPerRequest && !ix.ProvisionedThroughput)
        throw invalidParams(`ProvisionedThroughput must be specified for index: ${ix.IndexName}`);
      if (indexNames.has(ix.IndexName)) throw invalidParams(`Duplicate index name: ${ix.IndexName}`);
      indexNames.add(ix.IndexName);
    }
    if (gsis.length > 20) throw invalidParams('GlobalSecondaryIndex count exceeds the per-table limit of 20');
  }
  const used = new Set([
    ...keys,
    ...(lsis ?? []).flatMap((i) => i.KeySchema.map((k) => k.AttributeName)),
    ...(gsis ?? []).flatMap((i) => i.KeySchema.map((k) => k.AttributeName)),
  ]);
  if (defns.length !== used.size || defns.some((d) => !used.has(d))) {
    if (!lsis && !gsis)
      throw invalidParams(
        'Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions',
      );
    throw invalidParams(
      'Some AttributeDefinitions are not used. AttributeDefinitions: [' +
        defns.join(', ') +
        '], keys used: [' +
        [...used].join(', ') +
        ']',
    );
  }
  if (findTable(ctx, input.TableName)) throw resourceInUse(`Table already exists: ${input.TableName}`);
  const count = (
    ctx.store
      .stmt('SELECT COUNT(*) AS n FROM ddb_tables WHERE account_id = ? AND region = ?')
      .get(ctx.accountId, ctx.region) as { n: number }
  ).n;
  if (count >= MAX_TABLES)
    throw limitExceeded(`Subscriber limit exceeded: Table count exceeds the per-account limit of ${MAX_TABLES}`);

  const now = ctx.clock.now();
  const index = (ix: {
    IndexName: string;
    KeySchema: KeyElement[];
    Projection: IndexSpec['projection'];
    ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
  }): IndexSpec => ({
    name: ix.IndexName,
    keySchema: ix.KeySchema,
    projection: ix.Projection,
    rcu: ix.ProvisionedThroughput?.ReadCapacityUnits,
    wcu: ix.ProvisionedThroughput?.WriteCapacityUnits,
    readyAt: now + CREATE_MS,
  });
  const stream = input.StreamSpecification;
  const spec: TableSpec = {
    tableId: randomUUID(),
    name: input.TableName,
    arn: `arn:aws:dynamodb:${ctx.region}:${ctx.accountId}:table/${input.TableName}`,
    createdAt: now,
    keySchema: input.KeySchema as KeyElement[],
    attributeDefinitions: input.AttributeDefinitions as TableSpec['attributeDefinitions'],
    billingMode: payPerRequest ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    rcu: pt?.ReadCapacityUnits ?? 0,
    wcu: pt?.WriteCapacityUnits ?? 0,
    decreasesToday: 0,
    lsis: (lsis ?? []).map((ix) => index(ix as never)),
    gsis: (gsis ?? []).map((ix) => index(ix as never)),
    stream: stream?.StreamEnabled
      ? { enabled: true, viewType: stream.StreamViewType, label: new Date(now).toISOString().replace('Z', '') }
      : undefined,
    sse: input.SSESpecification?.Enabled
      ? { enabled: true, type: input.SSESpecification.SSEType, kmsKey: input.SSESpecification.KMSMasterKeyId }
      : undefined,
    deletionProtection: input.DeletionProtectionEnabled ?? false,
    tableClass: input.TableClass,
    tags: (input.Tags ?? []) as TableSpec['tags'],
    busyUntil: now + CREATE_MS,
    busyStatus: 'CREATING',
  };
  const id = Number(
    ctx.store
      .stmt('INSERT INTO ddb_tables (account_id, region, name, spec) VALUES (?, ?, ?, ?)')
      .run(ctx.accountId, ctx.region, spec.name, JSON.stringify(spec)).lastInsertRowid,
  );
  syncTableStream(ctx, id, spec, now);
  return { TableDescription: describeTable(ctx, { id, spec, itemCount: 0, sizeBytes: 0 }) };
}
