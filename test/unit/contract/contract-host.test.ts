import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src-main/engine';
import { createClock } from '../../../src-main/engine/clock/clock';
import { createContractHost, type ContractConnection } from '../../../src-main/engine/contract-host';

const START = Date.UTC(2026, 0, 15, 10, 30, 0);

interface Harness {
  engine: Engine;
  connection: ContractConnection;
  messages: unknown[];
  request(type: string, payload?: unknown): Promise<Record<string, unknown>>;
}

let h: Harness;
let nextId = 1;

function harness(): Harness {
  const engine = createEngine({ clock: createClock({ warp: 0, start: START }) });
  const messages: unknown[] = [];
  const waiters = new Map<number | string, (m: Record<string, unknown>) => void>();
  const connection = createContractHost(engine, { version: '9.9.9' }).connect((m) => {
    // Transports copy messages (IPC structured clone, WS JSON): so do we.
    const copy = JSON.parse(JSON.stringify(m)) as Record<string, unknown>;
    messages.push(copy);
    const id = copy.id as number | string | undefined;
    if (id !== undefined && id !== null) waiters.get(id)?.(copy);
  });
  const request = (type: string, payload?: unknown) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      waiters.set(id, resolve);
      connection.receive({ id, type, payload });
    });
  return { engine, connection, messages, request };
}

beforeEach(() => {
  h = harness();
});
afterEach(() => {
  h.connection.close();
  h.engine.close();
});

describe('lab.info and clock.get', () => {
  it('describes the account, regions and services', async () => {
    const answer = await h.request('lab.info', {});
    expect(answer.ok).toBe(true);
    const info = answer.result as {
      accountId: string;
      defaultRegion: string;
      regions: unknown[];
      services: unknown[];
      version: string;
    };
    expect(info.accountId).toBe(h.engine.account.accountId);
    expect(info.defaultRegion).toBe('us-east-1');
    expect(info.version).toBe('9.9.9');
    expect(info.regions).toContainEqual({ name: 'us-east-1', label: 'US East (N. Virginia)', optIn: false });
    expect(info.services).toContainEqual({ id: 's3', name: 'Amazon Simple Storage Service', hasBehaviour: true });
  });

  it('reports simulated time and warp', async () => {
    expect(await h.request('clock.get')).toEqual({
      id: expect.any(Number),
      ok: true,
      result: { now: '2026-01-15T10:30:00.000Z', warp: 0 },
    });
    h.engine.clock.advance(60_000);
    expect((await h.request('clock.get', {})).result).toEqual({ now: '2026-01-15T10:31:00.000Z', warp: 0 });
  });
});

describe('aws.call', () => {
  it('creates and lists buckets through the dispatcher, with JSON dates', async () => {
    const created = await h.request('aws.call', {
      service: 's3',
      operation: 'CreateBucket',
      input: { Bucket: 'console-made' },
    });
    expect(created).toEqual({ id: expect.any(Number), ok: true, result: { Location: '/console-made' } });
    const listed = await h.request('aws.call', { service: 's3', operation: 'ListBuckets', input: {} });
    const result = listed.result as { Buckets: { Name: string; CreationDate: string }[] };
    expect(result.Buckets).toEqual([
      expect.objectContaining({ Name: 'console-made', CreationDate: '2026-01-15T10:30:00.000Z' }),
    ]);
  });

  it("answers AWS's error for an invalid bucket name and creates nothing", async () => {
    const answer = await h.request('aws.call', {
      service: 's3',
      operation: 'CreateBucket',
      input: { Bucket: 'My_Bucket' },
    });
    expect(answer).toEqual({
      id: expect.any(Number),
      ok: false,
      error: { code: 'InvalidBucketName', message: 'The specified bucket is not valid.', status: 400 },
    });
    const listed = await h.request('aws.call', { service: 's3', operation: 'ListBuckets' });
    expect((listed.result as { Buckets?: unknown[] }).Buckets ?? []).toEqual([]);
  });

  it('takes base64 bodies in and gives streamed bodies back as base64', async () => {
    await h.request('aws.call', { service: 's3', operation: 'CreateBucket', input: { Bucket: 'bodies' } });
    const body = Buffer.from('hello, lab\n').toString('base64');
    const put = await h.request('aws.call', {
      service: 's3',
      operation: 'PutObject',
      input: { Bucket: 'bodies', Key: 'a.txt', Body: body },
    });
    expect(put.result).toEqual({ ETag: `"${createHash('md5').update('hello, lab\n').digest('hex')}"` });
    const got = await h.request('aws.call', {
      service: 's3',
      operation: 'GetObject',
      input: { Bucket: 'bodies', Key: 'a.txt' },
    });
    expect(got.ok).toBe(true);
    const out = got.result as { Body: string; ContentLength: number; LastModified: string };
    expect(out.Body).toBe(body);
    expect(out.ContentLength).toBe(11);
    expect(out.LastModified).toBe('2026-01-15T10:30:00.000Z');
  });

  it('answers NotImplemented (501) for an operation without behaviour', async () => {
    const answer = await h.request('aws.call', { service: 's3', operation: 'GetBucketAccelerateConfiguration', input: { Bucket: 'x' } });
    expect(answer.error).toEqual({
      code: 'NotImplemented',
      message:
        's3:GetBucketAccelerateConfiguration is not implemented in Nimbus Lab yet. The lab understands the request but has no behaviour for it.',
      status: 501,
    });
  });

  it('refuses a service the lab has no model for', async () => {
    const answer = await h.request('aws.call', { service: 'nosuchservice', operation: 'DoIt' });
    expect(answer.error).toEqual({
      code: 'UnknownService',
      message: "The lab has no model for the service 'nosuchservice'.",
      status: 400,
    });
  });
});

describe('event history', () => {
  it('records console calls with source console and pushes them as events.appended', async () => {
    await h.request('aws.call', { service: 's3', operation: 'CreateBucket', input: { Bucket: 'pushed' } });
    const pushed = h.messages.filter((m) => (m as { event?: string }).event === 'events.appended');
    expect(pushed).toEqual([
      {
        event: 'events.appended',
        payload: {
          time: '2026-01-15T10:30:00.000Z',
          requestId: expect.any(String),
          accountId: h.engine.account.accountId,
          region: 'us-east-1',
          source: 'console',
          principalArn: `arn:aws:iam::${h.engine.account.accountId}:root`,
          service: 's3',
          operation: 'CreateBucket',
        },
      },
    ]);
  });

  it('lists recent calls newest first, including ones made elsewhere', async () => {
    await h.request('aws.call', { service: 's3', operation: 'CreateBucket', input: { Bucket: 'first' } });
    h.engine.clock.advance(1000);
    // A CLI/SDK call through the endpoint lands in the same history with source 'api'.
    await expect(
      h.engine.call(h.engine.account.root, 's3', 'CreateBucket', { Bucket: 'Bad_Name' }, { source: 'api' }),
    ).rejects.toThrow('The specified bucket is not valid.');
    const answer = await h.request('events.recent', { limit: 5 });
    const { events } = answer.result as { events: Record<string, unknown>[] };
    expect(events.map((e) => [e.operation, e.source, e.errorCode ?? null, e.time])).toEqual([
      ['CreateBucket', 'api', 'InvalidBucketName', '2026-01-15T10:30:01.000Z'],
      ['CreateBucket', 'console', null, '2026-01-15T10:30:00.000Z'],
    ]);
    expect(events[0]!.errorMessage).toBe('The specified bucket is not valid.');
  });

  it('stops pushing once the connection is closed', async () => {
    h.connection.close();
    await h.engine.call(h.engine.account.root, 's3', 'ListBuckets', {}, { source: 'api' });
    expect(h.messages).toEqual([]);
  });
});

describe('bad messages', () => {
  const lastAnswer = () => h.messages.at(-1);
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('answers an error (never throws) for messages that are not requests', async () => {
    for (const bad of [null, 42, 'not json', '{"id":', [], { type: 'lab.info' }, { id: {}, type: 'lab.info' }]) {
      expect(() => h.connection.receive(bad)).not.toThrow();
      expect(lastAnswer()).toEqual({
        id: null,
        ok: false,
        error: {
          code: 'InvalidContractMessage',
          message: 'The message is not a contract request: it needs an id, a type and a payload.',
          status: 400,
        },
      });
    }
    h.connection.receive({ id: 7 });
    expect(lastAnswer()).toEqual(expect.objectContaining({ id: 7, ok: false }));
  });

  it('accepts the raw JSON text of a WebSocket frame', async () => {
    h.connection.receive(JSON.stringify({ id: 'w1', type: 'clock.get', payload: {} }));
    await flush();
    expect(lastAnswer()).toEqual({ id: 'w1', ok: true, result: { now: '2026-01-15T10:30:00.000Z', warp: 0 } });
  });

  it('refuses unknown request types, including prototype keys', async () => {
    for (const type of ['lab.explode', 'toString', '__proto__']) {
      h.connection.receive({ id: 1, type, payload: {} });
      expect(lastAnswer()).toEqual({
        id: 1,
        ok: false,
        error: { code: 'UnknownContractRequest', message: `Unknown request type '${type}'.`, status: 400 },
      });
    }
  });

  it('refuses payloads that do not match the schema, naming the path', async () => {
    const answer = await h.request('aws.call', { service: 's3', operation: 'List Buckets' });
    expect(answer.error).toEqual({
      code: 'InvalidContractPayload',
      message: expect.stringMatching(/^Invalid aws\.call payload at 'operation': /),
      status: 400,
    });
    const extra = await h.request('lab.info', { surprise: true });
    expect(extra.error).toEqual(expect.objectContaining({ code: 'InvalidContractPayload', status: 400 }));
  });
});
