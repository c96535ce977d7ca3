/**
 * Lambda: cold starts (Python without and with boto3, Node.js), warm invoke p50/p99 through the
 * dispatcher, and memory per warm sandbox, against a same-run baseline: a bare `node` child answering
 * an IPC echo (what any child-process runtime costs on this machine at the moment).
 * LocalStack publishes ~600 ms cold and ~10 ms warm for a Python echo in Docker.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { createEngine } from '../src-main/engine/index';
import { rootPrincipal } from '../src-main/engine/core/account';
import { buildPythonSdk } from '../src-main/engine/services/lambda/python-sdk/build.mjs';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function baselineEcho(n: number): Promise<{ p50: number; p99: number; spawnMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', "process.on('message', (m) => process.send(m))"], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  await new Promise<void>((ok) => {
    child.once('message', () => ok());
    child.send({ warm: true });
  });
  const spawnMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await new Promise<void>((ok) => {
      child.once('message', () => ok());
      child.send({ i, payload: '{"x":1}' });
    });
    times.push(performance.now() - s);
  }
  child.kill();
  return { p50: pct(times, 50), p99: pct(times, 99), spawnMs };
}

export interface LambdaBenchResult {
  baseline: { spawnMs: number; echoP50Ms: number; echoP99Ms: number };
  cold: { pythonFirstMs: number; pythonMs: number; pythonBoto3Ms: number; nodeMs: number };
  warm: { pythonP50Ms: number; pythonP99Ms: number; nodeP50Ms: number; nodeP99Ms: number };
  memory: { pythonSandboxMb: number; nodeSandboxMb: number; labRssWithTenWarmMb: number; labRssBeforeMb: number };
}

export async function benchLambda(): Promise<LambdaBenchResult> {
  buildPythonSdk();
  const engine = createEngine();
  const root = rootPrincipal(engine.account.accountId);
  const call = (op: string, input: Record<string, unknown>, svc = 'lambda') => engine.call(root, svc, op, input, { source: 'internal' });
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  const role = ((await call('CreateRole', { RoleName: 'bench', AssumeRolePolicyDocument: trust }, 'iam')).Role as { Arn: string }).Arn;
  const create = (name: string, runtime: string, files: Record<string, string>, handler: string) =>
    call('CreateFunction', { FunctionName: name, Runtime: runtime, Role: role, Handler: handler, Timeout: 60, Code: { ZipFile: zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))) } });
  const py = (name: string, body = '') => create(name, 'python3.12', { 'lambda_function.py': `${body}\ndef lambda_handler(event, context):\n    return event\n` }, 'lambda_function.lambda_handler');
  const node = (name: string) => create(name, 'nodejs20.x', { 'index.js': 'exports.handler = async (event) => event;' }, 'index.handler');
  const invoke = async (name: string) => {
    const t = performance.now();
    const out = await call('Invoke', { FunctionName: name, Payload: Buffer.from('{"x":1}') });
    if (out.FunctionError) throw new Error(`${name}: ${Buffer.from(out.Payload as Uint8Array).toString()}`);
    return performance.now() - t;
  };
  const stats = () => engine.supervisor.request<{ pids: number[]; spareBooted: boolean }>('lambda-sandboxes', 'stats');
  const spareReady = async () => {
    for (let i = 0; i < 600 && !(await stats()).spareBooted; i++) await new Promise((r) => setTimeout(r, 100));
  };
  const labRssBeforeMb = process.memoryUsage.rss() / 1048576;

  const base = await baselineEcho(300);
  await py('py-first');
  const pythonFirstMs = await invoke('py-first'); // may have to boot the first interpreter itself
  await py('py-echo');
  await spareReady();
  const pythonMs = await invoke('py-echo');
  await py('py-boto3', "import boto3\nec2 = boto3.client('ec2')");
  await spareReady();
  const pythonBoto3Ms = await invoke('py-boto3');
  await node('node-echo');
  const nodeMs = await invoke('node-echo');

  const warm = async (name: string) => {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) times.push(await invoke(name));
    return { p50: pct(times, 50), p99: pct(times, 99) };
  };
  const wp = await warm('py-echo');
  const wn = await warm('node-echo');

  const before = new Set((await stats()).pids);
  for (let i = 0; i < 10; i++) {
    await node(`warm-${i}`);
    await invoke(`warm-${i}`);
  }
  const pids = (await stats()).pids;
  const nodePids = pids.filter((p) => !before.has(p));
  const nodeSandboxMb = nodePids.reduce((a, p) => a + rssMb(p), 0) / nodePids.length;
  const pyPids = [...before].slice(0, 3);
  const pythonSandboxMb = pyPids.reduce((a, p) => a + rssMb(p), 0) / pyPids.length;
  const hostPid = engine.supervisor.status('lambda-sandboxes')?.pid;
  const labRssWithTenWarmMb = process.memoryUsage.rss() / 1048576 + (hostPid ? rssMb(hostPid) : 0) + nodePids.reduce((a, p) => a + rssMb(p), 0);
  engine.close();
  return {
    baseline: { spawnMs: base.spawnMs, echoP50Ms: base.p50, echoP99Ms: base.p99 },
    cold: { pythonFirstMs, pythonMs, pythonBoto3Ms, nodeMs },
    warm: { pythonP50Ms: wp.p50, pythonP99Ms: wp.p99, nodeP50Ms: wn.p50, nodeP99Ms: wn.p99 },
    memory: { pythonSandboxMb, nodeSandboxMb, labRssWithTenWarmMb, labRssBeforeMb },
  };
}
