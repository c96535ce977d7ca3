/** terminal.* over the contract host, with a real engine (EC2 included) on a manual clock. */
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src-main/engine';
import { createClock } from '../../../src-main/engine/clock/clock';
import { createContractHost } from '../../../src-main/engine/contract-host';

let engine: Engine | undefined;
afterEach(() => engine?.close());

function connect() {
  engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 10, 26, 20, 0, 0) }) });
  const events: { event: string; payload: Record<string, unknown> }[] = [];
  const waiters = new Map<number, (m: Record<string, unknown>) => void>();
  let id = 0;
  const conn = createContractHost(engine).connect((m) => {
    const copy = JSON.parse(JSON.stringify(m)) as Record<string, unknown>;
    if ('event' in copy) events.push(copy as { event: string; payload: Record<string, unknown> });
    else waiters.get(copy.id as number)?.(copy);
  });
  const request = (type: string, payload?: unknown) =>
    new Promise<Record<string, unknown>>((resolve) => {
      waiters.set(++id, resolve);
      conn.receive({ id, type, payload });
    });
  return { request, events, conn };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('terminal contract', () => {
  it('opens the workstation, runs a line, pushes output and idle, closes', async () => {
    const { request, events } = connect();
    const open = await request('terminal.open', { target: 'workstation' });
    expect(open.ok).toBe(true);
    const info = open.result as { terminalId: string; title: string; mode: string; scrollback: string; target: string };
    expect(info).toEqual({ terminalId: info.terminalId, target: 'workstation', title: 'learner@workstation', mode: 'interactive', scrollback: 'learner@workstation:~$ ' });
    expect(await request('terminal.input', { terminalId: info.terminalId, data: 'whoami\r' })).toEqual({ id: 2, ok: true, result: {} });
    await settle();
    const out = events.filter((e) => e.event === 'terminal.output').map((e) => e.payload.data).join('');
    expect(out).toBe('whoami\r\nlearner\r\nlearner@workstation:~$ ');
    expect(events.filter((e) => e.event === 'terminal.idle').at(-1)!.payload).toEqual({ terminalId: info.terminalId, exitCode: 0, reading: false });
    expect((await request('terminal.list')).result).toEqual({ terminals: [{ terminalId: info.terminalId, target: 'workstation', title: 'learner@workstation', mode: 'interactive' }] });
    const attach = await request('terminal.attach', { terminalId: info.terminalId });
    expect((attach.result as { scrollback: string }).scrollback).toBe('learner@workstation:~$ whoami\r\nlearner\r\nlearner@workstation:~$ ');
    await request('terminal.input', { terminalId: info.terminalId, data: 'exit 3\r' });
    await settle();
    expect(events.at(-1)).toEqual({ event: 'terminal.exit', payload: { terminalId: info.terminalId, exitCode: 3 } });
    expect(await request('terminal.input', { terminalId: info.terminalId, data: 'x' })).toEqual({
      id: 6,
      ok: false,
      error: { code: 'TerminalNotFound', message: `The terminal '${info.terminalId}' does not exist (it was closed).`, status: 404 },
    });
  });

  it('refuses bad targets and unknown instances', async () => {
    const { request } = connect();
    expect((await request('terminal.open', { target: 'mainframe' })).error).toMatchObject({ code: 'InvalidContractPayload', status: 400 });
    expect((await request('terminal.open', { target: 'i-0123456789abcdef0' })).error).toEqual({
      code: 'InvalidInstanceID.NotFound',
      message: "The instance ID 'i-0123456789abcdef0' does not exist",
      status: 400,
    });
  });

  it('saves a downloaded key file in the learner’s home', async () => {
    const { request, events } = connect();
    const path = await engine!.terminals.saveToWorkstationHome('mykey.pem', '-----BEGIN RSA PRIVATE KEY-----\n');
    expect(path).toBe('/home/learner/mykey.pem');
    const open = (await request('terminal.open', { target: 'workstation', mode: 'batch' })).result as { terminalId: string; scrollback: string };
    expect(open.scrollback).toBe('');
    await request('terminal.input', { terminalId: open.terminalId, data: 'ls -l mykey.pem\r' });
    await settle();
    expect(events.filter((e) => e.event === 'terminal.output').map((e) => e.payload.data).join('')).toBe("-rw-r--r-- 1 learner learner 32 Nov 26 20:00 mykey.pem\r\n");
  });
});
