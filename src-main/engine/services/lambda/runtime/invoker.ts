/**
 * Runs an invocation in a sandbox (runtime/host.mjs, under the engine's supervisor) and records it
 * as AWS does: START / the function's output / END / REPORT lines in `/aws/lambda/NAME`, and the
 * AWS/Lambda metrics. The main thread only writes the package to disk once per CodeSha256, forwards
 * stream lines and answers the function's HTTP requests; the code runs in another process.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { ServiceStart } from '../../../core/provider';
import type { Supervisor } from '../../../core/data-planes';
import type { Store } from '../../../store/store';
import { programPath } from '../../../supervisor/programs';
import { appendLogEvents } from '../../logs';
import { putMetricData } from '../../monitoring';
import { issueInstanceProfileCredentials } from '../../sts';
import { roleName } from '../role';
import type { FunctionVersion } from '../state/functions';
import { createBridge, type BridgeReply, type BridgeRequest } from './bridge';

export const HOST_ID = 'lambda-sandboxes';

interface Env {
  engine: ServiceStart & { supervisor: Supervisor; call: NonNullable<ServiceStart['call']> };
  bridge: ReturnType<typeof createBridge>;
}
/** Per engine (a test process may hold several labs), found by its store. */
const envs = new WeakMap<Store, Env>();

export function startInvoker(engine: ServiceStart): void {
  if (!engine.supervisor || !engine.call) return;
  engine.supervisor.define({ id: HOST_ID, program: programPath('services/lambda/runtime/host.mjs'), memoryMb: 512, idleMs: 15 * 60_000, startTimeoutMs: 30_000 });
  envs.set(engine.store, { engine: engine as Env['engine'], bridge: createBridge({ store: engine.store, clock: engine.clock, call: engine.call }) });
}

export const invokerReady = (store: Store): boolean => envs.has(store);

/** Warm sandboxes of a deleted or changed function are stopped when idle. */
export function forgetFunction(store: Store, arn: string): void {
  const env = envs.get(store);
  if (env?.engine.supervisor.status(HOST_ID)?.state === 'running') void env.engine.supervisor.request(HOST_ID, 'forget', { prefix: `${arn}:` }).catch(() => undefined);
}

/** A Python function was created: boot an interpreter now, so its first run pays only its own init. */
export function prewarm(store: Store, runtime: string): void {
  const env = envs.get(store);
  if (env && runtime.startsWith('python')) void env.engine.supervisor.request(HOST_ID, 'prewarm').catch(() => undefined);
}

export interface Scope {
  store: Store;
  accountId: string;
  region: string;
}

export interface InvocationResult {
  requestId: string;
  payload: Buffer;
  functionError?: 'Unhandled';
  /** The whole log of this run (START … REPORT), as written to CloudWatch Logs. */
  log: string;
  durationMs: number;
}

interface LogLine {
  t: number;
  text: string;
}

interface HostResult {
  type: 'result';
  cold: boolean;
  initMs: number;
  durationMs: number;
  streamName: string;
  payload?: string;
  error?: Record<string, unknown>;
  timedOut?: boolean;
  maxMemoryMb?: number;
  exitError?: string;
  /** What the runtime process wrote to stderr before it died (its own crash report). */
  stderr?: string;
}

const inflight = new Map<string, number>();
export const concurrentExecutions = (arn?: string): number => (arn ? (inflight.get(arn) ?? 0) : [...inflight.values()].reduce((a, b) => a + b, 0));

const hex = (b64: string) => Buffer.from(b64, 'base64').toString('hex');

async function ensurePackage(sup: Supervisor, v: FunctionVersion): Promise<string> {
  const sha = hex(v.codeSha);
  const file = join(sup.dataDir(HOST_ID), 'code', `${sha}.zip`);
  if (!existsSync(file)) {
    const tmp = `${file}.${randomBytes(4).toString('hex')}`;
    await writeFile(tmp, v.code, { flag: 'w' }).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(sup.dataDir(HOST_ID), 'code'), { recursive: true });
      await writeFile(tmp, v.code);
    });
    await rename(tmp, file);
  }
  return sha;
}

const configKey = (v: FunctionVersion) => createHash('sha1').update(JSON.stringify(v.config)).digest('hex').slice(0, 12);

const streamNameFor = (now: number, version: string) => {
  const d = new Date(now).toISOString().slice(0, 10).replace(/-/g, '/');
  return `${d}/[${version}]${randomBytes(16).toString('hex')}`;
};

/** Formats a run's output lines as the runtime prints them. */
function formatLine(m: { level?: string; raw?: boolean; text: string; requestId?: string }, simIso: string, requestId: string, python: boolean): string {
  if (m.raw || python || !m.level) return m.text.replace(/\n$/, '');
  return `${simIso}\t${m.requestId || requestId}\t${m.level}\t${m.text}`;
}

function errorLog(r: HostResult, requestId: string, simIso: string, timeoutS: number): string | undefined {
  if (r.timedOut) return `${simIso} ${requestId} Task timed out after ${timeoutS.toFixed(2)} seconds`;
  if (r.exitError) return `${r.stderr ? `${r.stderr.trimEnd()}\n` : ''}RequestId: ${requestId} Error: Runtime exited with error: ${r.exitError}\nRuntime.ExitError`;
  return undefined;
}

/**
 * One synchronous run: returns when the function has answered, failed or timed out. Throws only
 * when the lab cannot run functions at all (no supervisor).
 */
export async function runInvocation(scope: Scope, v: FunctionVersion, event: Buffer, requestId: string): Promise<InvocationResult> {
  const env = envs.get(scope.store);
  if (!env) throw new Error('Lambda sandboxes are not available in this engine');
  const { engine, bridge } = env;
  const { store, clock, supervisor } = engine;
  const c = v.config;
  const runtime = c.Runtime ?? 'nodejs20.x';
  const python = runtime.startsWith('python');
  const memory = c.MemorySize;
  const started = clock.now();
  inflight.set(v.arn, (inflight.get(v.arn) ?? 0) + 1);
  const lines: LogLine[] = [];
  let result: HostResult;
  try {
    const creds = issueInstanceProfileCredentials(store, clock, { accountId: scope.accountId, roleName: roleName(c.Role), instanceId: v.name });
    const sha = await ensurePackage(supervisor, v);
    const qualifiedArn = v.version === '$LATEST' ? v.arn : `${v.arn}:${v.version}`;
    const fnEnv: Record<string, string> = {
      ...(c.Environment ?? {}),
      AWS_REGION: scope.region,
      AWS_DEFAULT_REGION: scope.region,
      AWS_LAMBDA_FUNCTION_NAME: v.name,
      AWS_LAMBDA_FUNCTION_VERSION: v.version,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memory),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${v.name}`,
      AWS_EXECUTION_ENV: `AWS_Lambda_${runtime}`,
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      _HANDLER: c.Handler ?? '',
      ...(creds ? { AWS_ACCESS_KEY_ID: creds.AccessKeyId, AWS_SECRET_ACCESS_KEY: creds.SecretAccessKey, AWS_SESSION_TOKEN: creds.Token } : {}),
    };
    const stream: Duplex = await supervisor.connect(HOST_ID);
    const streamName = streamNameFor(started, v.version);
    result = await new Promise<HostResult>((resolve, reject) => {
      let buf = '';
      const send = (m: unknown) => stream.write(`${JSON.stringify(m)}\n`);
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buf += chunk;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const m = JSON.parse(buf.slice(0, nl)) as Record<string, unknown>;
          buf = buf.slice(nl + 1);
          if (m.type === 'log') lines.push({ t: Number(m.t ?? 0), text: formatLine(m as { text: string }, new Date(started + Number(m.t ?? 0)).toISOString(), requestId, python) });
          else if (m.type === 'http') {
            void bridge(m.req as BridgeRequest, scope.region)
              .catch((e: unknown): BridgeReply => ({ error: e instanceof Error ? e.message : String(e), code: 'ECONNRESET' }))
              .then((reply) => send({ type: 'http-reply', id: m.id, ...reply }));
          } else if (m.type === 'result') {
            resolve(m as unknown as HostResult);
            stream.end();
          }
        }
      });
      stream.on('error', reject);
      stream.on('close', () => reject(new Error('the Lambda sandbox host went away')));
      send({
        type: 'invoke',
        key: `${v.arn}:${v.version}:${sha}:${configKey(v)}`,
        codeSha: sha,
        runtime,
        handler: c.Handler,
        memoryMb: memory,
        timeoutMs: c.Timeout * 1000,
        env: fnEnv,
        streamName,
        requestId,
        event: event.length ? event.toString('utf8') : '{}',
        context: {
          functionName: v.name,
          functionVersion: v.version,
          invokedFunctionArn: qualifiedArn,
          memoryLimitInMB: String(memory),
          awsRequestId: requestId,
          logGroupName: `/aws/lambda/${v.name}`,
          logStreamName: streamName,
        },
      });
    });
  } finally {
    inflight.set(v.arn, (inflight.get(v.arn) ?? 1) - 1);
  }
  return record(env, scope, v, result, lines, requestId, started);
}

function record(env: Env, scope: Scope, v: FunctionVersion, r: HostResult, lines: LogLine[], requestId: string, started: number): InvocationResult {
  const { store, clock } = env.engine;
  const c = v.config;
  const duration = r.timedOut ? c.Timeout * 1000 : r.durationMs;
  const init = r.cold ? r.initMs : 0;
  const at = (ms: number) => started + Math.round(ms);
  const iso = (ms: number) => new Date(at(ms)).toISOString();
  const failed = !!(r.error || r.timedOut || r.exitError);
  const events: { timestamp: number; message: string }[] = [];
  if (r.cold && r.error && (r as { initError?: boolean }).initError) events.push({ timestamp: at(0), message: initErrorLine(r.error, c.Runtime ?? '') });
  events.push({ timestamp: at(init), message: `START RequestId: ${requestId} Version: ${v.version}` });
  for (const l of lines) events.push({ timestamp: at(l.t), message: l.text });
  const tail = errorLog(r, requestId, iso(init + duration), c.Timeout);
  if (tail) events.push({ timestamp: at(init + duration), message: tail });
  events.push({ timestamp: at(init + duration), message: `END RequestId: ${requestId}` });
  const maxMem = Math.min(c.MemorySize, Math.max(r.maxMemoryMb ?? 0, 30));
  const report =
    `REPORT RequestId: ${requestId}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration + init)} ms\tMemory Size: ${c.MemorySize} MB\tMax Memory Used: ${maxMem} MB` +
    (r.cold ? `\tInit Duration: ${init.toFixed(2)} ms` : '') +
    (r.timedOut ? '\tStatus: timeout' : '');
  events.push({ timestamp: at(init + duration), message: report });
  const logScope = { store, clock, accountId: scope.accountId, region: scope.region };
  if (store.db.open) {
    store.tx(() => {
      appendLogEvents(logScope, `/aws/lambda/${v.name}`, r.streamName, events);
      const dims = [{ Name: 'FunctionName', Value: v.name }];
      const ts = started;
      putMetricData(logScope, 'AWS/Lambda', [
        { MetricName: 'Invocations', Dimensions: dims, Value: 1, Unit: 'Count', Timestamp: ts },
        { MetricName: 'Errors', Dimensions: dims, Value: failed ? 1 : 0, Unit: 'Count', Timestamp: ts },
        { MetricName: 'Duration', Dimensions: dims, Value: duration, Unit: 'Milliseconds', Timestamp: ts },
        { MetricName: 'ConcurrentExecutions', Dimensions: dims, Value: concurrentExecutions(v.arn) + 1, Unit: 'Count', Timestamp: ts },
        { MetricName: 'ConcurrentExecutions', Dimensions: [], Value: concurrentExecutions() + 1, Unit: 'Count', Timestamp: ts },
      ]);
    });
  }
  const payload = r.timedOut
    ? JSON.stringify({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: Task timed out after ${c.Timeout.toFixed(2)} seconds` })
    : r.error
      ? JSON.stringify(r.error)
      : (r.payload ?? 'null');
  return {
    requestId,
    payload: Buffer.from(payload),
    ...(failed ? { functionError: 'Unhandled' as const } : {}),
    log: events.map((e) => `${e.message}\n`).join(''),
    durationMs: duration,
  };
}

function initErrorLine(error: Record<string, unknown>, runtime: string): string {
  if (runtime.startsWith('python')) return `[ERROR] ${String(error.errorType)}: ${String(error.errorMessage)}`;
  return `${new Date().toISOString()}\tundefined\tERROR\tUncaught Exception \t${JSON.stringify(error)}`;
}

/** A throttled request still counts, as a Throttles datapoint. */
export function recordThrottle(scope: Scope, name: string): void {
  const env = envs.get(scope.store);
  if (!env) return;
  const { store, clock } = env.engine;
  store.tx(() => putMetricData({ store, clock, accountId: scope.accountId, region: scope.region }, 'AWS/Lambda', [{ MetricName: 'Throttles', Dimensions: [{ Name: 'FunctionName', Value: name }], Value: 1, Unit: 'Count' }]));
}

/** Store and clock for work that runs after the call has answered (asynchronous invocations). */
export const engineScope = (store: Store) => {
  const env = envs.get(store);
  return env ? { store: env.engine.store, clock: env.engine.clock } : undefined;
};
