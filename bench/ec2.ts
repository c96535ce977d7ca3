/**
 * EC2 benchmarks (the lead wires them into bench/run.ts):
 *
 *   ec2RoundTrips(server, seconds)   RunInstances + DescribeInstances(InstanceIds) pairs per second
 *                                    through aws-sdk v2, 8 concurrent clients; run it against
 *                                    startNimbus(), startBareEc2() (the ceiling) and startMoto()
 *   describeByTag({ instances })     in-process: DescribeInstances with a tag:Name filter over
 *                                    5,000 instances (goal: median under 20 ms)
 *
 * Each client terminates what it launched, so the lab's per-region instance limit never bites.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent } from 'node:http';
import { join } from 'node:path';
import AWS from 'aws-sdk';
import { createClock } from '../src-main/engine/clock/clock';
import { createEngine } from '../src-main/engine/index';
import { repoRoot, type BenchServer } from './servers';

export interface RoundTripResult {
  /** RunInstances + DescribeInstances pairs per second. */
  pairsPerSecond: number;
  errors: number;
}

export async function startBareEc2(): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'bench', 'bare-ec2-server.mjs')], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise<number>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`bare EC2 server exited ${code}`)));
  });
  return {
    name: 'bare',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'AKIDBARE', secretAccessKey: 'bare' },
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

export async function ec2RoundTrips(server: BenchServer, seconds: number, concurrency = 8): Promise<RoundTripResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const ec2 = new AWS.EC2({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: new AWS.Credentials(server.credentials.accessKeyId, server.credentials.secretAccessKey),
    maxRetries: 0,
    httpOptions: { agent },
  });
  const deadline = performance.now() + seconds * 1000;
  let pairs = 0;
  let errors = 0;
  const worker = async () => {
    const launched: string[] = [];
    while (performance.now() < deadline) {
      try {
        const run = await ec2.runInstances({ ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 }).promise();
        const id = run.Instances?.[0]?.InstanceId;
        if (id) {
          await ec2.describeInstances({ InstanceIds: [id] }).promise();
          launched.push(id);
        }
        pairs++;
        if (launched.length >= 2) await ec2.terminateInstances({ InstanceIds: launched.splice(0) }).promise();
      } catch {
        errors++;
      }
    }
    if (launched.length) await ec2.terminateInstances({ InstanceIds: launched }).promise().catch(() => undefined);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { pairsPerSecond: pairs / ((performance.now() - t0) / 1000), errors };
}

export interface TagFilterResult {
  instances: number;
  medianMs: number;
  p95Ms: number;
}

/** DescribeInstances with tag:Name=<one value> over `instances` instances, in-process (no HTTP). */
export async function describeByTag(opts: { instances?: number; runs?: number } = {}): Promise<TagFilterResult> {
  const total = opts.instances ?? 5000;
  const runs = opts.runs ?? 50;
  const engine = createEngine({ clock: createClock({ warp: 0 }) });
  const root = engine.account.root;
  const call = (op: string, input: Record<string, unknown>) => engine.call(root, 'ec2', op, input, { region: 'us-east-1' });
  const zones = ['a', 'b', 'c', 'd', 'e', 'f'];
  for (let i = 0, batch = 0; i < total; i += 32, batch++) {
    const n = Math.min(32, total - i);
    await call('RunInstances', {
      ImageId: 'ami-6057e21a',
      InstanceType: 't2.nano',
      MinCount: n,
      MaxCount: n,
      Placement: { AvailabilityZone: `us-east-1${zones[batch % zones.length]}` },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `web-${batch}` }] }],
    });
    // Out of the way of the per-region instance limit (32 running): mark the batch stopped.
    engine.store.db.prepare("UPDATE ec2_instances SET state = 'stopped' WHERE state = 'pending'").run();
  }
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await call('DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: [`web-${r % Math.ceil(total / 32)}`] }] });
    times.push(performance.now() - t0);
  }
  engine.close();
  times.sort((a, b) => a - b);
  return { instances: total, medianMs: times[Math.floor(times.length / 2)]!, p95Ms: times[Math.floor(times.length * 0.95)]! };
}
