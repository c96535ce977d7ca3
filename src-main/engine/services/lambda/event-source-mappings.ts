/**
 * Event source mappings for SQS: CreateEventSourceMapping and friends, and the poller that reads a
 * mapped queue (through SQS's own API, as Lambda's service) and invokes the function with a batch,
 * deleting the messages once the function succeeded; on failure they become visible again after
 * their visibility timeout, as on AWS.
 */
import { randomUUID } from 'node:crypto';
import { servicePrincipal } from '../../core/account';
import type { Ctx, ServiceStart } from '../../core/provider';
import { scoped } from '../../core/scoped';
import type { OperationInput } from '../../models/generated';
import { invalidParameter, notFound } from './errors';
import { getFunctionRow, parseFunctionName, resolveVersion } from './state/functions';
import { runInvocation } from './runtime/invoker';

interface MappingRow {
  uuid: string;
  account_id: string;
  region: string;
  function_arn: string;
  source_arn: string;
  batch_size: number;
  enabled: number;
  last_modified: number;
}

const out = (m: MappingRow) => ({
  UUID: m.uuid,
  EventSourceArn: m.source_arn,
  FunctionArn: m.function_arn,
  BatchSize: m.batch_size,
  MaximumBatchingWindowInSeconds: 0,
  State: m.enabled ? 'Enabled' : 'Disabled',
  StateTransitionReason: 'USER_INITIATED',
  LastModified: new Date(m.last_modified),
});

function mapping(ctx: Ctx, uuid: string): MappingRow {
  const m = scoped(ctx).get<MappingRow>('SELECT * FROM lambda_event_source_mappings WHERE uuid = ?', uuid);
  if (!m) throw notFound(`The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: ${ctx.requestId})`);
  return m;
}

export const CreateEventSourceMapping = (ctx: Ctx, input: OperationInput<'lambda', 'CreateEventSourceMapping'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  const fn = getFunctionRow(ctx, name);
  const source = input.EventSourceArn ?? '';
  if (!/^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w.-]+$/.test(source)) throw invalidParameter('The lab maps SQS queues to functions; other event sources are not offered yet.');
  const batch = input.BatchSize ?? 10;
  if (batch < 1 || batch > 10) throw invalidParameter('BatchSize must be between 1 and 10 for an SQS queue without a batching window.');
  const row = { uuid: randomUUID(), function_arn: fn.arn, source_arn: source, batch_size: batch, enabled: input.Enabled === false ? 0 : 1, last_modified: ctx.clock.now() };
  scoped(ctx).insert('lambda_event_source_mappings', row);
  return { ...out({ ...row, account_id: ctx.accountId, region: ctx.region }), State: row.enabled ? 'Creating' : 'Disabled' };
};

export const GetEventSourceMapping = (ctx: Ctx, input: OperationInput<'lambda', 'GetEventSourceMapping'>) => out(mapping(ctx, input.UUID));

export const ListEventSourceMappings = (ctx: Ctx, input: OperationInput<'lambda', 'ListEventSourceMappings'>) => {
  const fnArn = input.FunctionName ? getFunctionRow(ctx, parseFunctionName(ctx, input.FunctionName).name).arn : undefined;
  const rows = scoped(ctx).all<MappingRow>('SELECT * FROM lambda_event_source_mappings ORDER BY uuid');
  return { EventSourceMappings: rows.filter((r) => (!fnArn || r.function_arn === fnArn) && (!input.EventSourceArn || r.source_arn === input.EventSourceArn)).map(out) };
};

export const UpdateEventSourceMapping = (ctx: Ctx, input: OperationInput<'lambda', 'UpdateEventSourceMapping'>) => {
  const m = mapping(ctx, input.UUID);
  const next = { ...m, batch_size: input.BatchSize ?? m.batch_size, enabled: input.Enabled === undefined ? m.enabled : input.Enabled ? 1 : 0, last_modified: ctx.clock.now() };
  scoped(ctx).run('UPDATE lambda_event_source_mappings SET batch_size = ?, enabled = ?, last_modified = ? WHERE uuid = ?', next.batch_size, next.enabled, next.last_modified, m.uuid);
  return out(next);
};

export const DeleteEventSourceMapping = (ctx: Ctx, input: OperationInput<'lambda', 'DeleteEventSourceMapping'>) => {
  const m = mapping(ctx, input.UUID);
  scoped(ctx).run('DELETE FROM lambda_event_source_mappings WHERE uuid = ?', m.uuid);
  return { ...out(m), State: 'Deleting' };
};

const POLL_MS = 1000;

/** One poll per simulated second; a mapping being served is skipped until its batch is done. */
export function startMappingPoller(engine: ServiceStart): void {
  const { store, clock, call } = engine;
  if (!call) return;
  const busy = new Set<string>();
  const poll = async (m: MappingRow) => {
    const scope = { store, accountId: m.account_id, region: m.region };
    const as = servicePrincipal(m.account_id, 'lambda');
    const opts = { region: m.region, source: 'internal' as const };
    const [, , , region, account, queue] = m.source_arn.split(':');
    const url = String((await call(as, 'sqs', 'GetQueueUrl', { QueueName: queue, QueueOwnerAWSAccountId: account }, opts)).QueueUrl);
    const got = await call(as, 'sqs', 'ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: m.batch_size, AttributeNames: ['All'], MessageAttributeNames: ['All'] }, opts);
    const messages = (got.Messages ?? []) as { MessageId: string; ReceiptHandle: string; Body: string; MD5OfBody: string; Attributes?: Record<string, string>; MessageAttributes?: Record<string, unknown> }[];
    if (!messages.length) return;
    const name = m.function_arn.split(':')[6]!;
    const version = resolveVersion(scope, name);
    const event = {
      Records: messages.map((x) => ({ messageId: x.MessageId, receiptHandle: x.ReceiptHandle, body: x.Body, attributes: x.Attributes ?? {}, messageAttributes: x.MessageAttributes ?? {}, md5OfBody: x.MD5OfBody, eventSource: 'aws:sqs', eventSourceARN: m.source_arn, awsRegion: region })),
    };
    const result = await runInvocation(scope, version, Buffer.from(JSON.stringify(event)), randomUUID());
    if (!result.functionError) await call(as, 'sqs', 'DeleteMessageBatch', { QueueUrl: url, Entries: messages.map((x, i) => ({ Id: String(i), ReceiptHandle: x.ReceiptHandle })) }, opts);
  };
  const tick = (at: number) =>
    clock.at(at, () => {
      if (!store.db.open) return;
      const rows = store.stmt('SELECT * FROM lambda_event_source_mappings WHERE enabled = 1').all() as MappingRow[];
      for (const m of rows) {
        if (busy.has(m.uuid)) continue;
        busy.add(m.uuid);
        void poll(m)
          .catch((e: unknown) => console.error(`[nimbus] Lambda event source ${m.source_arn}:`, e instanceof Error ? e.message : e))
          .finally(() => busy.delete(m.uuid));
      }
      tick(at + POLL_MS);
    });
  tick(clock.now() + POLL_MS);
}
