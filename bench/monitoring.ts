/**
 * CloudWatch: PutMetricData and GetMetricData throughput with 16 concurrent SDK v3 clients against
 * the lab and moto_server in the same run; in process, GetMetricData over two weeks of 1-minute
 * data of 100 instances, and the CPU one simulated minute of evaluating 1,000 alarms takes, with
 * the process's RSS before and after. Run alone: `node --import tsx bench/monitoring.ts`.
 */
import { CloudWatchClient, GetMetricDataCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createEngine } from '../src-main/engine/index';
import { createClock } from '../src-main/engine/clock/clock';
import { putMetricData } from '../src-main/engine/services/monitoring';
import type { BenchServer } from './servers';

const CLIENTS = 16;

const client = (s: BenchServer) =>
  new CloudWatchClient({
    endpoint: s.endpoint,
    region: 'us-east-1',
    credentials: s.credentials,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ requestTimeout: 30_000 }),
  });

async function timed(
  seconds: number,
  clients: CloudWatchClient[],
  op: (c: CloudWatchClient, i: number) => Promise<number>,
): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  let i = 0;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < end) count += await op(c, i++);
    }),
  );
  return count / ((performance.now() - t0) / 1000);
}

export async function cloudwatchThroughput(s: BenchServer, seconds: number): Promise<{ put: number; get: number }> {
  const clients = Array.from({ length: CLIENTS }, () => client(s));
  const data = (i: number) =>
    Array.from({ length: 20 }, (_, k) => ({
      MetricName: 'Requests',
      Dimensions: [{ Name: 'Host', Value: `h${(i + k) % 50}` }],
      Value: k,
      Unit: 'Count' as const,
    }));
  const put = await timed(seconds, clients, (c, i) =>
    c.send(new PutMetricDataCommand({ Namespace: 'Bench', MetricData: data(i) })).then(() => 20),
  );
  const now = Date.now();
  const get = await timed(seconds, clients, (c, i) =>
    c
      .send(
        new GetMetricDataCommand({
          StartTime: new Date(now - 3_600_000),
          EndTime: new Date(now + 60_000),
          MetricDataQueries: [
            {
              Id: 'm',
              MetricStat: {
                Metric: {
                  Namespace: 'Bench',
                  MetricName: 'Requests',
                  Dimensions: [{ Name: 'Host', Value: `h${i % 50}` }],
                },
                Period: 60,
                Stat: 'Sum',
              },
            },
          ],
        }),
      )
      .then(() => 1),
  );
  for (const c of clients) c.destroy();
  return { put, get };
}

/** In process: two weeks of 1-minute CPU data for 100 instances, one GetMetricData of all (hourly), and 1,000 alarms per minute. */
export async function cloudwatchInProcess(): Promise<{
  loadSeconds: number;
  getMetricDataMs: number;
  firstGetMetricDataMs: number;
  rawScanMs: number;
  alarmMinuteMs: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
}> {
  const rssBefore = process.memoryUsage().rss;
  const start = Date.UTC(2026, 0, 1);
  const clock = createClock({ warp: 0, start: start + 14 * 86_400_000 });
  const engine = createEngine({ clock });
  const scope = { store: engine.store, accountId: engine.account.accountId, region: 'us-east-1', clock };
  const t0 = performance.now();
  engine.store.tx(() => {
    for (let i = 0; i < 100; i++) {
      const dims = [{ Name: 'InstanceId', Value: `i-${String(i).padStart(17, '0')}` }];
      const batch = [];
      for (let m = 0; m < 14 * 1440; m++)
        batch.push({
          MetricName: 'CPUUtilization',
          Dimensions: dims,
          Value: (i + m) % 100,
          Unit: 'Percent',
          Timestamp: start + m * 60_000,
        });
      putMetricData(scope, 'AWS/EC2', batch);
    }
  });
  const loadSeconds = (performance.now() - t0) / 1000;
  const queries = Array.from({ length: 100 }, (_, i) => ({
    Id: `m${i}`,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/EC2',
        MetricName: 'CPUUtilization',
        Dimensions: [{ Name: 'InstanceId', Value: `i-${String(i).padStart(17, '0')}` }],
      },
      Period: 3600,
      Stat: 'Average',
    },
  }));
  const gmd = () =>
    engine.call(engine.account.root, 'monitoring', 'GetMetricData', {
      StartTime: new Date(start),
      EndTime: new Date(start + 14 * 86_400_000),
      MetricDataQueries: queries,
    });
  // The first call also loads the model and prepares statements: time the steady state (median of 5).
  const t1 = performance.now();
  await gmd();
  const firstGetMetricDataMs = performance.now() - t1;
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    await gmd();
    runs.push(performance.now() - t);
  }
  const getMetricDataMs = runs.sort((a, b) => a - b)[2]!;
  // The same query over the raw 1-minute points (what it cost before roll-ups), once.
  const dims = (i: number) => [{ Name: 'InstanceId', Value: `i-${String(i).padStart(17, '0')}` }];
  const t3 = performance.now();
  engine.store.read(() => {
    for (let i = 0; i < 100; i++) {
      const id = (
        engine.store
          .stmt('SELECT id FROM cw_metrics WHERE namespace = ? AND metric_name = ? AND dims_key = ?')
          .get('AWS/EC2', 'CPUUtilization', `InstanceId=${dims(i)[0]!.Value}`) as { id: number }
      ).id;
      engine.store
        .stmt(
          'SELECT CAST((ts - ?) / 3600000 AS INTEGER) AS b, SUM(n), SUM(sum), MIN(min), MAX(max) FROM cw_points WHERE metric_id = ? AND ts >= ? AND ts < ? GROUP BY 1',
        )
        .all(start, id, start, start + 14 * 86_400_000);
    }
  });
  const rawScanMs = performance.now() - t3;
  for (let a = 0; a < 1000; a++) {
    await engine.call(engine.account.root, 'monitoring', 'PutMetricAlarm', {
      AlarmName: `a${a}`,
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'InstanceId', Value: `i-${String(a % 100).padStart(17, '0')}` }],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 3,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  }
  clock.advance(60_000); // the first evaluation moves every alarm out of INSUFFICIENT_DATA
  const t2 = performance.now();
  clock.advance(60_000);
  const alarmMinuteMs = performance.now() - t2;
  const rssAfter = process.memoryUsage().rss;
  engine.close();
  return {
    loadSeconds,
    getMetricDataMs,
    firstGetMetricDataMs,
    rawScanMs,
    alarmMinuteMs,
    rssBeforeMiB: rssBefore / 2 ** 20,
    rssAfterMiB: rssAfter / 2 ** 20,
  };
}

export async function cloudwatchSection(seconds: number, results: Record<string, unknown>): Promise<void> {
  const { startMoto, startNimbus } = await import('./servers');
  console.log(
    `CloudWatch, ${CLIENTS} concurrent SDK v3 clients, ${seconds}s per phase (datapoints put / queries per second)`,
  );
  const runs: Record<string, { put: number; get: number } | undefined> = {};
  for (const [name, start] of [
    ['nimbus', startNimbus],
    ['moto', startMoto],
  ] as const) {
    const s = await start();
    if (!s) {
      console.log(`  ${name.padEnd(7)} not installed`);
      continue;
    }
    try {
      runs[name] = await cloudwatchThroughput(s, seconds).catch((e: unknown) => {
        console.log(`  ${name.padEnd(7)} failed: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      });
    } finally {
      await s.stop();
    }
    if (runs[name])
      console.log(
        `  ${name.padEnd(7)} PutMetricData ${runs[name].put.toFixed(0)}  GetMetricData ${runs[name].get.toFixed(0)}`,
      );
  }
  const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2) : 'n/a');
  console.log(
    `  nimbus/moto  put ${ratio(runs.nimbus?.put, runs.moto?.put)}  get ${ratio(runs.nimbus?.get, runs.moto?.get)}   (goal ≥ 3)`,
  );
  const inProc = await cloudwatchInProcess();
  console.log(
    `  in process: 2 weeks × 100 instances loaded in ${inProc.loadSeconds.toFixed(1)} s; GetMetricData of all ${inProc.getMetricDataMs.toFixed(0)} ms (goal < 50; first call ${inProc.firstGetMetricDataMs.toFixed(0)} ms; the same hourly sums over raw points ${inProc.rawScanMs.toFixed(0)} ms, ratio ${(inProc.rawScanMs / inProc.getMetricDataMs).toFixed(1)}×); 1,000 alarms per minute ${inProc.alarmMinuteMs.toFixed(1)} ms (goal < 20); RSS ${inProc.rssBeforeMiB.toFixed(0)} → ${inProc.rssAfterMiB.toFixed(0)} MiB`,
  );
  results.cloudwatch = { throughput: runs, inProcess: inProc };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results: Record<string, unknown> = {};
  cloudwatchSection(Number(process.env.BENCH_SECONDS ?? 5), results).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
