/**
 * DynamoDB throughput with 16 concurrent @aws-sdk/client-dynamodb v3 clients (PutItem, GetItem, and
 * Query returning a 100-item page) against the lab, dynalite 4 (in memory) and moto_server in the same run, and the lab's
 * Query latency as the table grows (p50/p99 at each size). Run: `node --import tsx bench/dynamodb.ts`
 * (BENCH_SECONDS per phase, default 5; BENCH_SIZES, default 1000,20000).
 */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freePort, repoRoot, startMoto, startNimbus, type BenchServer } from './servers';

const CLIENTS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,20000').split(',').map(Number);
const PAD = 'x'.repeat(200);

const client = (s: BenchServer) =>
  new DynamoDBClient({
    endpoint: s.endpoint,
    region: 'us-east-1',
    credentials: s.credentials,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ requestTimeout: 30_000 }),
  });

async function timed(
  clients: DynamoDBClient[],
  op: (c: DynamoDBClient, i: number) => Promise<unknown>,
): Promise<number> {
  const end = performance.now() + SECONDS * 1000;
  let n = 0;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c, k) => {
      while (performance.now() < end) await op(c, k * 1_000_000 + n++);
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

async function table(c: DynamoDBClient, name: string): Promise<void> {
  await c.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  for (let i = 0; i < 200; i++) {
    if ((await c.send(new DescribeTableCommand({ TableName: name }))).Table?.TableStatus === 'ACTIVE') return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

async function fill(c: DynamoDBClient[], name: string, pk: (i: number) => string, count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    c.map(async (x) => {
      for (;;) {
        const start = next;
        next += 25;
        if (start >= count) return;
        const items = Array.from({ length: Math.min(25, count - start) }, (_, j) => ({
          PutRequest: { Item: { pk: { S: pk(start + j) }, sk: { N: String(start + j) }, pad: { S: PAD } } },
        }));
        await x.send(new BatchWriteItemCommand({ RequestItems: { [name]: items } }));
      }
    }),
  );
}

async function throughput(s: BenchServer) {
  const clients = Array.from({ length: CLIENTS }, () => client(s));
  await table(clients[0]!, 'bench');
  const put = await timed(clients, (c, i) =>
    c.send(
      new PutItemCommand({ TableName: 'bench', Item: { pk: { S: `p${i % 5000}` }, sk: { N: '0' }, pad: { S: PAD } } }),
    ),
  );
  const get = await timed(clients, (c, i) =>
    c.send(new GetItemCommand({ TableName: 'bench', Key: { pk: { S: `p${i % 5000}` }, sk: { N: '0' } } })),
  );
  await fill(clients, 'bench', () => 'page', 1000);
  const query = await timed(clients, (c, i) =>
    c.send(
      new QueryCommand({
        TableName: 'bench',
        KeyConditionExpression: 'pk = :p AND sk >= :s',
        ExpressionAttributeValues: { ':p': { S: 'page' }, ':s': { N: String((i * 7) % 900) } },
        Limit: 100,
      }),
    ),
  );
  return { put, get, query };
}

async function latency(s: BenchServer) {
  const clients = Array.from({ length: CLIENTS }, () => client(s));
  await table(clients[0]!, 'grow');
  const out: Record<string, { p50: number; p99: number }> = {};
  let have = 0;
  for (const size of SIZES) {
    // Many partitions of 100 items each; the query reads one partition's page.
    const add = size - have;
    const base = have;
    await fill(clients, 'grow', (i) => `g${Math.floor((base + i) / 100)}`, add);
    have = size;
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await clients[0]!.send(
        new QueryCommand({
          TableName: 'grow',
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': { S: `g${(i * 13) % Math.floor(size / 100)}` } },
        }),
      );
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out[String(size)] = { p50: times[Math.floor(times.length * 0.5)]!, p99: times[Math.floor(times.length * 0.99)]! };
  }
  return out;
}

/** dynalite 4 (npm, in memory, tables ACTIVE at once) in its own process, as the baseline. */
async function startDynalite(): Promise<BenchServer | undefined> {
  const port = await freePort();
  const script = `require('dynalite')({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }).listen(${port}, '127.0.0.1')`;
  const child = spawn(process.execPath, ['-e', script], { cwd: repoRoot, stdio: 'ignore' });
  for (;;) {
    const up = await new Promise<boolean>((ok) => {
      const s = connect(port, '127.0.0.1', () => ok(true)).once('error', () => ok(false));
      s.unref();
      setTimeout(() => s.destroy(), 100);
    });
    if (up) break;
    if (child.exitCode !== null) return undefined;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    name: 'dynalite',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'AKIDDYNALITE', secretAccessKey: 'dynalite' },
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

async function main() {
  const fmt = (n: number) => n.toFixed(0).padStart(7);
  console.log(`DynamoDB, ${CLIENTS} concurrent SDK v3 clients, ${SECONDS}s per phase`);
  const nimbus = await startNimbus();
  const n = await throughput(nimbus).finally(() => undefined);
  const grow = await latency(nimbus);
  await nimbus.stop();
  console.log(`  nimbus  PutItem ${fmt(n.put)}/s  GetItem ${fmt(n.get)}/s  Query(100) ${fmt(n.query)}/s`);
  const dyn = await startDynalite();
  let d: Awaited<ReturnType<typeof throughput>> | undefined;
  if (dyn) {
    d = await throughput(dyn);
    await dyn.stop();
    console.log(`  dynalite PutItem ${fmt(d.put)}/s  GetItem ${fmt(d.get)}/s  Query(100) ${fmt(d.query)}/s`);
    console.log(
      `  ratio   PutItem ${(n.put / d.put).toFixed(2)}×  GetItem ${(n.get / d.get).toFixed(2)}×  Query ${(n.query / d.query).toFixed(2)}× (goal ≥ 1× dynalite)`,
    );
  } else console.log('  dynalite not installed');
  const moto = await startMoto();
  let m: Awaited<ReturnType<typeof throughput>> | undefined;
  if (moto) {
    m = await throughput(moto);
    await moto.stop();
    console.log(`  moto    PutItem ${fmt(m.put)}/s  GetItem ${fmt(m.get)}/s  Query(100) ${fmt(m.query)}/s`);
    console.log(
      `  ratio   PutItem ${(n.put / m.put).toFixed(2)}×  GetItem ${(n.get / m.get).toFixed(2)}×  Query ${(n.query / m.query).toFixed(2)}× (goal ≥ 3× moto)`,
    );
  } else console.log('  moto    not installed');
  for (const [size, l] of Object.entries(grow))
    console.log(`  Query latency at ${size.padStart(7)} items: p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms`);
  console.log(JSON.stringify({ nimbus: n, dynalite: d, moto: m, latency: grow }));
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
