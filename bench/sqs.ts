/**
 * SQS send, receive and delete throughput with 16 concurrent @aws-sdk/client-sqs v3 clients (single
 * messages and batches of 10), against the lab and moto_server in the same run, and the lab's
 * long-poll wake-up latency (a ReceiveMessage waiting with WaitTimeSeconds=20, then a send).
 */
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { BenchServer } from './servers';

const CLIENTS = 16;
const BODY = JSON.stringify({ url: 'http://example.com/some/page', id: 'x'.repeat(64) });

const client = (s: BenchServer) =>
  new SQSClient({
    endpoint: s.endpoint,
    region: 'us-east-1',
    credentials: s.credentials,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ requestTimeout: 30_000, connectionTimeout: 5_000 }),
  });

/** Runs `op` on every client until `seconds` pass; answers the messages handled per second. */
async function timed(seconds: number, clients: SQSClient[], op: (c: SQSClient) => Promise<number>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < end) count += await op(c);
    }),
  );
  return count / ((performance.now() - t0) / 1000);
}

export interface SqsThroughput {
  send: number;
  receiveDelete: number;
  sendBatch: number;
  receiveDeleteBatch: number;
}

export async function sqsThroughput(s: BenchServer, seconds: number): Promise<SqsThroughput> {
  const clients = Array.from({ length: CLIENTS }, () => client(s));
  const { QueueUrl } = await clients[0]!.send(new CreateQueueCommand({ QueueName: 'bench' }));
  const send = (c: SQSClient) => c.send(new SendMessageCommand({ QueueUrl, MessageBody: BODY })).then(() => 1);
  await timed(1, clients, send);
  const sent = await timed(seconds, clients, send);
  const receiveDelete = await timed(seconds, clients, async (c) => {
    const r = await c.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
    const m = r.Messages?.[0];
    if (!m) return 0;
    await c.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
    return 1;
  });
  const entries = Array.from({ length: 10 }, (_, i) => ({ Id: `m${i}`, MessageBody: BODY }));
  const sendBatch = await timed(seconds, clients, (c) => c.send(new SendMessageBatchCommand({ QueueUrl, Entries: entries })).then((r) => r.Successful?.length ?? 0));
  const receiveDeleteBatch = await timed(seconds, clients, async (c) => {
    const r = await c.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    const ms = r.Messages ?? [];
    if (ms.length === 0) return 0;
    await c.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: ms.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })) }));
    return ms.length;
  });
  for (const c of clients) c.destroy();
  return { send: sent, receiveDelete, sendBatch, receiveDeleteBatch };
}

/** Time from a send's answer to the answer of a long poll that was waiting for it, `rounds` times. */
export async function longPollLatency(s: BenchServer, rounds = 50): Promise<{ p50: number; p99: number }> {
  const c = client(s);
  const { QueueUrl } = await c.send(new CreateQueueCommand({ QueueName: 'bench-poll' }));
  const lags: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let at = 0;
    const poll = c.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 })).then((r) => ((at = performance.now()), r));
    await new Promise((r) => setTimeout(r, 20));
    await c.send(new SendMessageCommand({ QueueUrl, MessageBody: 'ping' }));
    const sentAt = performance.now();
    const r = await poll;
    lags.push(Math.max(0, at - sentAt));
    const m = r.Messages?.[0];
    if (m) await c.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
  }
  c.destroy();
  lags.sort((a, b) => a - b);
  return { p50: lags[Math.floor(rounds / 2)]!, p99: lags[Math.min(rounds - 1, Math.floor(rounds * 0.99))]! };
}

/** The `sqs` section of `npm run bench`: the lab against moto_server in the same run. */
export async function sqsSection(seconds: number, results: Record<string, unknown>): Promise<void> {
  const { startMoto, startNimbus } = await import('./servers');
  console.log(`SQS, 16 concurrent SDK v3 clients, ${seconds}s per phase (messages per second)`);
  const runs: Record<string, SqsThroughput | undefined> = {};
  const polls: Record<string, { p50: number; p99: number } | undefined> = {};
  for (const [name, start] of [['nimbus', startNimbus], ['moto', startMoto]] as const) {
    const s = await start();
    if (!s) {
      console.log(`  ${name.padEnd(7)} not installed`);
      continue;
    }
    try {
      runs[name] = await sqsThroughput(s, seconds);
      polls[name] = await longPollLatency(s);
    } finally {
      await s.stop();
    }
    const r = runs[name]!;
    console.log(`  ${name.padEnd(7)} send ${r.send.toFixed(0)}  receive+delete ${r.receiveDelete.toFixed(0)}  batch send ${r.sendBatch.toFixed(0)}  batch receive+delete ${r.receiveDeleteBatch.toFixed(0)}`);
    console.log(`  ${name.padEnd(7)} long-poll wake-up after a send: p50 ${polls[name]!.p50.toFixed(2)} ms, p99 ${polls[name]!.p99.toFixed(2)} ms`);
  }
  const n = runs.nimbus!;
  const m = runs.moto;
  const ratio = (a: number, b?: number) => (b ? (a / b).toFixed(2) : 'n/a');
  console.log(
    `  nimbus/moto  send ${ratio(n.send, m?.send)}  receive+delete ${ratio(n.receiveDelete, m?.receiveDelete)}  batch send ${ratio(n.sendBatch, m?.sendBatch)}  batch receive+delete ${ratio(n.receiveDeleteBatch, m?.receiveDeleteBatch)}   (goal ≥ 3)`,
  );
  results.sqs = { throughput: runs, longPoll: polls };
}
