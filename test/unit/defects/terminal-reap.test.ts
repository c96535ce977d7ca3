// Defect 6: terminals whose console WebSocket dropped without terminal.close were never reaped.
// A dropped socket (or one that stops answering pings) ends its connection; a terminal no
// connection holds is closed once the grace period passes on the lab's clock, unless a console
// attaches to it again.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEngine, type Engine } from '../../../src-main/engine/index';
import { TERMINAL_GRACE_MS } from '../../../src-main/engine/contract-host';
import { createLabServer, type LabServer } from '../../../src-main/server/server';

let engine: Engine;
let lab: LabServer;
afterEach(async () => {
  await lab.close();
  engine.close();
});

async function start(heartbeatMs?: number) {
  engine = createEngine();
  lab = await createLabServer({ engine, port: 0, noToken: true, ...(heartbeatMs ? { heartbeatMs } : {}) });
}

/** Resolves when `check` holds, polling on events of the test's own making (no fixed sleeps). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check(), what).toBe(true);
}

async function connect(options: WebSocket.ClientOptions = {}) {
  const ws = new WebSocket(`ws://127.0.0.1:${lab.port}/_lab/ws`, options);
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail));
  let id = 0;
  const request = (type: string, payload: unknown) =>
    new Promise<Record<string, unknown>>((ok) => {
      const my = ++id;
      const onMessage = (data: WebSocket.RawData) => {
        const m = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> };
        if (m.id !== my) return;
        ws.off('message', onMessage);
        ok(m.result ?? {});
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id: my, type, payload }));
    });
  return { ws, request };
}

/** Waits until the server has seen every socket close (event-driven, whatever the machine's speed). */
async function serverSawClose(): Promise<void> {
  const count = () => new Promise<number>((ok) => lab.server.getConnections((_e, n) => ok(n)));
  for (let i = 0; i < 400 && (await count()) > 0; i++) await new Promise((r) => setTimeout(r, 25));
  expect(await count()).toBe(0);
  await new Promise((r) => setImmediate(r));
}

const ids = () => engine.terminals.list().map((t) => t.terminalId);

describe('terminals of dropped consoles', () => {
  it('are closed once the grace period passes after the socket drops without terminal.close', async () => {
    await start();
    const { ws, request } = await connect();
    const { terminalId } = (await request('terminal.open', { target: 'workstation' })) as { terminalId: string };
    expect(ids()).toContain(terminalId);
    ws.terminate(); // no close frame, no terminal.close
    // The server notices the TCP close; nothing is reaped before the grace period.
    await serverSawClose();
    engine.clock.advance(TERMINAL_GRACE_MS - 1000);
    expect(ids()).toContain(terminalId);
    engine.clock.advance(2000);
    await until(() => !ids().includes(terminalId), 'the orphaned terminal is closed');
  });

  it('a console that attaches again within the grace period keeps its terminal', async () => {
    await start();
    const a = await connect();
    const { terminalId } = (await a.request('terminal.open', { target: 'workstation' })) as { terminalId: string };
    a.ws.terminate();
    await serverSawClose();
    const b = await connect();
    await b.request('terminal.attach', { terminalId });
    engine.clock.advance(TERMINAL_GRACE_MS * 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(ids()).toContain(terminalId);
    b.ws.close();
  });

  it('a socket that stops answering pings is dropped by the heartbeat, and its terminal reaped', async () => {
    await start(50);
    const { ws, request } = await connect({ autoPong: false });
    const { terminalId } = (await request('terminal.open', { target: 'workstation' })) as { terminalId: string };
    const closed = new Promise((r) => ws.once('close', r));
    await closed; // the server terminated it after an unanswered ping
    await serverSawClose();
    engine.clock.advance(TERMINAL_GRACE_MS + 1000);
    await until(() => !ids().includes(terminalId), 'the terminal of the silent socket is closed');
  });
});
