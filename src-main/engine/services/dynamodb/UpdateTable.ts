import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParams, limitExceeded, resourceInUse, resourceNotFound, validation } from './errors';
import { checkNames } from './request';
import { backfillIndex, dropIndex } from './state/items';
import {
  BACKFILL_MS,
  UPDATE_MS,
  describeTable,
  indexStatus,
  requireTable,
  saveSpec,
  tableStatus,
  type KeyElement,
  type TableSpec,
} from './state/tables';
import { syncTableStream } from './state/streams';

type In = OperationInput<'dynamodb', 'UpdateTable'>;

/**
 * Capacity, billing mode, streams, and GSI create/update/delete. A new GSI is backfilled at once
 * (the rows exist) but reports CREATING with Backfilling until its simulated build time passes, and
 * cannot be queried until then; a deleted GSI's rows go at once.
 */
export function UpdateTable(ctx: Ctx, input: In) {
  checkNames([['tableName', input.TableName]]);
  const row = requireTable(ctx, input.TableName);
  const spec: TableSpec = structuredClone(row.spec);
  const now = ctx.clock.now();
  const status = tableStatus(spec, now);
  if (status !== 'ACTIVE')
    throw resourceInUse(
      `Attempt to change a resource which is still in use: Table is being ${status === 'CREATING' ? 'created' : 'updated'}: ${spec.name}`,
    );
  const updates = input.GlobalSecondaryIndexUpdates ?? [];
  const pt = input.ProvisionedThroughput;
  if (
    !pt &&
    !updates.length &&
    !input.BillingMode &&
    !input.StreamSpecification &&
    !input.SSESpecification &&
    input.DeletionProtectionEnabled === undefined &&
    !input.TableClass
  ) {
    throw validation(
      'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required',
    );
  }
  if (input.AttributeDefinitions) {
    for (const a of input.AttributeDefinitions) {
      const existing = spec.attributeDefinitions.find((d) => d.AttributeName === a.AttributeName);
      if (existing && existing.AttributeType !== a.AttributeType)
        throw invalidParams(`Cannot change the type of attribute ${a.AttributeName}`);
      if (!existing) spec.attributeDefinitions.push(a as never);
    }
  }
  if (input.BillingMode) spec.billingMode = input.BillingMode as TableSpec['billingMode'];
  if (pt) {
    if (spec.billingMode === 'PAY_PER_REQUEST')
      throw invalidParams(
        'Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST',
      );
    if (pt.ReadCapacityUnits === spec.rcu && pt.WriteCapacityUnits === spec.wcu && !updates.length) {
      throw validation(
        `The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: ${spec.rcu}. Requested ReadCapacityUnits: ${pt.ReadCapacityUnits}. Current WriteCapacityUnits provisioned for the table: ${spec.wcu}. Requested WriteCapacityUnits: ${pt.WriteCapacityUnits}. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.`,
      );
    }
    if (pt.ReadCapacityUnits > spec.rcu || pt.WriteCapacityUnits > spec.wcu) spec.lastIncrease = now;
    if (pt.ReadCapacityUnits < spec.rcu || pt.WriteCapacityUnits < spec.wcu) {
      spec.lastDecrease = now;
      spec.decreasesToday++;
    }
    spec.rcu = pt.ReadCapacityUnits;
    spec.wcu = pt.WriteCapacityUnits;
  } else if (input.BillingMode === 'PROVISIONED' && row.spec.billingMode === 'PAY_PER_REQUEST') {
    throw invalidParams('ProvisionedThroughput must be specified when BillingMode is PROVISIONED');
  }
  if (updates.length > 1 && updates.filter((u) => u.Create || u.Delete).length > 1)
    throw limitExceeded(
      'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table',
    );
  const created: string[] = [];
  for (const u of updates) {
    if (u.Create) {
      const c = u.Create;
      if ([...spec.gsis, ...spec.lsis].some((g) => g.name === c.IndexName))
        throw validation(`One or more parameter values were invalid: Duplicate index name: ${c.IndexName}`);
      const defns = spec.attributeDefinitions.map((a) => a.AttributeName);
      const keys = c.KeySchema.map((k) => k.AttributeName);
      if (keys.some((k) => !defns.includes(k))) {
        throw invalidParams(
          `Some index key attributes are not defined in AttributeDefinitions. Keys: [${keys.join(', ')}], AttributeDefinitions: [${defns.join(', ')}]`,
        );
      }
      if (spec.billingMode === 'PROVISIONED' && !c.ProvisionedThroughput)
        throw invalidParams(`ProvisionedThroughput must be specified for index: ${c.IndexName}`);
      if (spec.gsis.length >= 20) throw invalidParams('GlobalSecondaryIndex count exceeds the per-table limit of 20');
      spec.gsis.push({
        name: c.IndexName,
        keySchema: c.KeySchema as KeyElement[],
        projection: c.Projection as never,
        rcu: c.ProvisionedThroughput?.ReadCapacityUnits,
        wcu: c.ProvisionedThroughput?.WriteCapacityUnits,
        readyAt: now + BACKFILL_MS,
      });
      created.push(c.IndexName);
    } else if (u.Update) {
      const g = spec.gsis.find((x) => x.name === u.Update!.IndexName);
      if (!g)
        throw resourceNotFound(
          `Requested resource not found: Index: ${u.Update.IndexName} not found for table ${spec.name}`,
        );
      g.rcu = u.Update.ProvisionedThroughput?.ReadCapacityUnits ?? g.rcu;
      g.wcu = u.Update.ProvisionedThroughput?.WriteCapacityUnits ?? g.wcu;
    } else if (u.Delete) {
      const g = spec.gsis.find((x) => x.name === u.Delete!.IndexName);
      if (!g)
        throw resourceNotFound(
          `Requested resource not found: Index: ${u.Delete.IndexName} not found for table ${spec.name}`,
        );
      if (indexStatus(g, now) === 'CREATING')
        throw resourceInUse(`Attempt to change a resource which is still in use: Index is being created: ${g.name}`);
      spec.gsis = spec.gsis.filter((x) => x !== g);
      dropIndex(ctx, row.id, g.name);
    }
  }
  if (input.StreamSpecification) {
    const s = input.StreamSpecification;
    if (s.StreamEnabled && spec.stream?.enabled)
      throw validation(`Table already has an enabled stream: ${spec.arn}/stream/${spec.stream.label}`);
    if (!s.StreamEnabled && !spec.stream?.enabled) throw validation('Table does not have a stream to disable');
    spec.stream = s.StreamEnabled
      ? { enabled: true, viewType: s.StreamViewType, label: new Date(now).toISOString().replace('Z', '') }
      : undefined;
  }
  if (input.SSESpecification)
    spec.sse = input.SSESpecification.Enabled
      ? { enabled: true, type: input.SSESpecification.SSEType, kmsKey: input.SSESpecification.KMSMasterKeyId }
      : undefined;
  if (input.DeletionProtectionEnabled !== undefined) spec.deletionProtection = input.DeletionProtectionEnabled;
  if (input.TableClass) spec.tableClass = input.TableClass;
  spec.busyUntil = now + UPDATE_MS;
  spec.busyStatus = 'UPDATING';
  saveSpec(ctx, row.id, spec);
  syncTableStream(ctx, row.id, spec, now);
  const next = { ...row, spec };
  for (const name of created)
    backfillIndex(
      ctx,
      next,
      spec.gsis.find((g) => g.name === name)!,
    );
  return { TableDescription: describeTable(ctx, next) };
}
