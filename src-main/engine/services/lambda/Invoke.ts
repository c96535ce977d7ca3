import { randomUUID } from 'node:crypto';
import { streaming, type Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { accessDenied, invalidParameter, serviceException, throttled, tooLarge } from './errors';
import { getFunctionRow, parseFunctionName, resolveVersion } from './state/functions';
import { servicePermitted } from './state/policy';
import { concurrentExecutions, invokerReady, recordThrottle, runInvocation } from './runtime/invoker';
import { runAsync } from './runtime/async';

type Input = OperationInput<'lambda', 'Invoke'>;

const ACCOUNT_CONCURRENCY = 1000;
const TYPES = ['RequestResponse', 'Event', 'DryRun'];

/** Synchronous, asynchronous (Event: answered 202, run with up to two retries) or DryRun. */
export const Invoke = streaming(async (ctx: Ctx, input: Input) => {
  const type = input.InvocationType ?? 'RequestResponse';
  if (!TYPES.includes(type)) throw invalidParameter(`1 validation error detected: Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`);
  if (input.LogType && input.LogType !== 'None' && input.LogType !== 'Tail') throw invalidParameter(`1 validation error detected: Value '${input.LogType}' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [None, Tail]`);
  const { name, qualifier } = parseFunctionName(ctx, input.FunctionName, input.Qualifier);
  const row = getFunctionRow(ctx, name);
  const version = resolveVersion(ctx, name, qualifier);
  if (!servicePermitted(row, ctx.principal)) {
    throw accessDenied(`${ctx.principal.userId} is not authorized to perform: lambda:InvokeFunction on resource: ${version.arn} because no resource-based policy allows the lambda:InvokeFunction action`);
  }
  const payload = Buffer.from(input.Payload ?? new Uint8Array());
  if (payload.length) {
    try {
      JSON.parse(payload.toString('utf8'));
    } catch {
      throw invalidParameter('Could not parse request body into json: Could not parse payload into json: Unexpected character: was expecting a JSON value');
    }
  }
  if (type === 'DryRun') return { StatusCode: 204 };
  if (!invokerReady(ctx.store)) throw serviceException('Lambda sandboxes are not available in this engine.');
  if (type === 'Event') {
    if (payload.length > 256 * 1024) throw tooLarge(`Request must be smaller than 262144 bytes for the InvokeAsync operation`);
    runAsync({ store: ctx.store, accountId: ctx.accountId, region: ctx.region }, name, version.version, payload);
    return { StatusCode: 202 };
  }
  if (payload.length > 6 * 1024 * 1024) throw tooLarge('Request must be smaller than 6291456 bytes for the Invoke operation');
  const busy = concurrentExecutions(row.arn);
  if ((row.reserved !== null && busy >= row.reserved) || concurrentExecutions() >= ACCOUNT_CONCURRENCY) {
    recordThrottle(ctx, name);
    throw throttled(row.reserved !== null ? 'ReservedFunctionConcurrentInvocationLimitExceeded' : 'ConcurrentInvocationLimitExceeded');
  }
  const out = await runInvocation(ctx, version, payload, randomUUID());
  return {
    StatusCode: 200,
    Payload: out.payload,
    ExecutedVersion: version.version,
    ...(out.functionError ? { FunctionError: out.functionError } : {}),
    ...(input.LogType === 'Tail' ? { LogResult: Buffer.from(Buffer.from(out.log).subarray(-4096)).toString('base64') } : {}),
  };
});
