/**
 * The one dispatcher behind the endpoint, the CLI and the console:
 * validate against the model → authorize → run the handler in a transaction → record the event.
 */
import { AwsError, internalFailure, notImplementedInLab } from '../protocol/errors';
import { isStorageFailure, logStorageFailure, storageUnavailable } from './storage-errors';
import type { Call, CallOptions, Principal } from '../protocol/types';
import type { LoadedModel } from '../models/load';
import type { Store } from '../store/store';
import type { Clock } from '../clock/clock';
import { requestId as newRequestId } from '../ids';
import { isStreaming, type Ctx, type ServiceProvider } from './provider';

export interface CallEvent {
  time: number;
  accountId: string;
  region: string;
  source: string;
  principalArn: string;
  service: string;
  operation: string;
  requestId: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface DispatcherDeps {
  store: Store;
  clock: Clock;
  providers: ReadonlyMap<string, ServiceProvider>;
  model(service: string): LoadedModel;
  /** Model-driven input validation; returns the error in the service's own wording. */
  validate?(model: LoadedModel, operation: string, input: Record<string, unknown>): AwsError | undefined;
  /** IAM's hook: throws an AccessDenied AwsError when the principal may not do this. */
  authorize(ctx: Ctx, input: Record<string, unknown>): void;
  defaultRegion: string;
  onEvent?(event: CallEvent): void;
  /** Bugs (non-AwsError throws) are reported here with their stack, never to the client. */
  onInternalError?(error: unknown, event: CallEvent): void;
}

/** Members never written to the history: bodies and secrets. */
const HIDDEN_MEMBERS = new Set(['Body', 'SecretAccessKey', 'Password', 'PrivateKey', 'UserData']);

/** Bytes and streams are never serialized: JSON.stringify would call Buffer#toJSON before any replacer. */
function summarizeValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return `[${v.length} bytes]`;
  if (v && typeof v === 'object' && typeof (v as { pipe?: unknown }).pipe === 'function') return '[stream]';
  return v;
}

function summarize(input: Record<string, unknown>): string | null {
  const shallow: Record<string, unknown> = {};
  let any = false;
  for (const k in input) {
    any = true;
    shallow[k] = HIDDEN_MEMBERS.has(k) ? '[hidden]' : summarizeValue(input[k]);
  }
  if (!any) return null;
  const text = JSON.stringify(shallow, (_k, v: unknown) => summarizeValue(v));
  return text.length > 4096 ? text.slice(0, 4096) : text;
}

/** Operations that only read, by AWS's naming. One that writes anyway still commits (deferred tx). */
const READ_ONLY = /^(Describe|Get|List|Head|Lookup|Search|Select|Simulate|Validate|Estimate|Preview|Query|Scan|BatchGet)/;

export interface Dispatcher {
  call: Call;
  /** Writes the queued read events now (engine close, or before reading the history). */
  flushEvents(): void;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const insertEvent = deps.store.stmt(
    `INSERT INTO events (account_id, region, time, source, principal_arn, access_key_id, service, operation, request_id,
       source_ip, user_agent, error_code, error_message, request_parameters)
     VALUES (@accountId, @region, @time, @source, @principalArn, @accessKeyId, @service, @operation, @requestId,
       @sourceIp, @userAgent, @errorCode, @errorMessage, @requestParameters)`,
  );

  type EventRow = CallEvent & Record<string, unknown>;
  const eventRow = (ctx: Ctx, input: Record<string, unknown>, options: CallOptions, error?: AwsError): EventRow => ({
    time: ctx.clock.now(),
    accountId: ctx.accountId,
    region: ctx.region,
    source: ctx.source,
    principalArn: ctx.principal.arn,
    service: ctx.service,
    operation: ctx.operation,
    requestId: ctx.requestId,
    errorCode: error?.code,
    errorMessage: error?.message,
    accessKeyId: ctx.principal.accessKeyId ?? null,
    sourceIp: options.sourceIp ?? null,
    userAgent: options.userAgent ?? null,
    requestParameters: summarize(input),
  });
  const writeEvent = (row: EventRow): void => {
    insertEvent.run({ ...row, errorCode: row.errorCode ?? null, errorMessage: row.errorMessage ?? null });
  };

  // Reads would otherwise turn into write transactions just for their history row. Their rows are
  // queued and written in batches (with the next write, or within 100 ms): a kill can lose the last
  // few read events, never a learner's write or its event.
  const pendingReads: EventRow[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flushReads = (): void => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    if (pendingReads.length === 0 || !deps.store.db.open) return;
    const rows = pendingReads.splice(0);
    try {
      deps.store.tx(() => rows.forEach(writeEvent));
    } catch (e) {
      // A full disk loses these read events; the reads themselves were answered.
      if (!isStorageFailure(e)) throw e;
      logStorageFailure(e);
    }
  };
  const queueRead = (row: EventRow): void => {
    pendingReads.push(row);
    if (pendingReads.length >= 256) flushReads();
    else if (!flushTimer) {
      flushTimer = setTimeout(flushReads, 100);
      flushTimer.unref?.();
    }
  };

  const record = (ctx: Ctx, input: Record<string, unknown>, options: CallOptions, error?: AwsError): CallEvent => {
    const row = eventRow(ctx, input, options, error);
    if (pendingReads.length > 0) pendingReads.splice(0).forEach(writeEvent);
    writeEvent(row);
    return row;
  };

  const call: Call = async (principal: Principal, service: string, operation: string, input, options = {}) => {
    const region = options.region ?? deps.defaultRegion;
    const ctx: Ctx = {
      requestId: options.requestId ?? newRequestId(),
      accountId: principal.accountId,
      region,
      service,
      operation,
      principal,
      source: options.source ?? 'api',
      sourceIp: options.sourceIp,
      host: options.host,
      store: deps.store,
      clock: deps.clock,
      call,
      commit: <T>(fn: () => T): T =>
        deps.store.tx(() => {
          const out = fn();
          recorded = record(ctx, input, options);
          return out;
        }),
    };
    let recorded: CallEvent | undefined;
    try {
      const provider = deps.providers.get(service);
      const model = deps.model(service);
      if (!model.operations[operation]) throw new AwsError('InvalidAction', `The action ${operation} is not valid for this web service.`, 400);
      const invalid = deps.validate?.(model, operation, input);
      if (invalid) throw invalid;
      deps.authorize(ctx, input);
      const handler = provider?.handlers[operation];
      if (!handler) throw notImplementedInLab(service, operation);
      let output: Record<string, unknown>;
      if (isStreaming(handler)) {
        output = await handler(ctx, input);
        // A streaming handler that wrote nothing (a read) has no final transaction of its own.
        recorded ??= record(ctx, input, options);
      } else if (READ_ONLY.test(operation)) {
        // A deferred transaction takes no write lock and commits for free when nothing was written.
        output = deps.store.read(() => handler(ctx, input) as Record<string, unknown>);
        const row = eventRow(ctx, input, options);
        queueRead(row);
        recorded = row;
      } else {
        output = ctx.commit(() => handler(ctx, input) as Record<string, unknown>);
      }
      deps.onEvent?.(recorded!);
      return output ?? {};
    } catch (e) {
      // An error after the final commit (rare: in serialization of the output) keeps the success row.
      if (recorded) throw e;
      const storage = !(e instanceof AwsError) && isStorageFailure(e);
      const error = e instanceof AwsError ? e : storage ? storageUnavailable() : internalFailure();
      if (storage) logStorageFailure(e);
      let event: CallEvent;
      try {
        event = record(ctx, input, options, error);
      } catch (writeError) {
        // The history cannot be written either (the same full disk): answer without it.
        if (!isStorageFailure(writeError)) throw writeError;
        logStorageFailure(writeError);
        event = eventRow(ctx, input, options, error);
      }
      if (!(e instanceof AwsError) && !storage) deps.onInternalError?.(e, event);
      deps.onEvent?.(event);
      throw error;
    }
  };
  return { call, flushEvents: flushReads };
}
