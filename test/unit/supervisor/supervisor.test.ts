/**
 * The supervisor with a tiny echo engine: lazy start on first use, the client's address through
 * the PROXY line, data under <root>/<id>/, idle stop, restart after a crash, the memory bound, a
 * failed open reported, graceful stop.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSupervisor } from '../../../src-main/engine/supervisor';

const PROGRAM = resolve(import.meta.dirname, '..', '..', 'fixtures', 'supervisor', 'echo-engine.mjs');
const root = mkdtempSync(join(tmpdir(), 'nimbus-sup-test-'));
const logs: string[] = [];
const sup = createSupervisor({ root, log: (m) => logs.push(m) });

afterAll(async () => {
  await sup.dispose();
  rmSync(root, { recursive: true, force: true });
});

const echo = async (id: string, text: string, sourceIp = '10.0.1.23'): Promise<string> => {
  const s = await sup.connect(id, { sourceIp });
  const answer = new Promise<string>((ok) => s.once('data', (d: Buffer) => ok(d.toString())));
  s.write(text);
  const out = await answer;
  s.destroy();
  return out;
};
const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe('engine supervisor', () => {
  it('starts an engine lazily on first use and hands out byte streams with the client’s address', { timeout: 30_000 }, async () => {
    sup.define({ id: 'echo-1', program: PROGRAM, idleMs: 60_000 });
    expect(sup.status('echo-1')).toMatchObject({ state: 'stopped', crashes: 0 });
    expect(await echo('echo-1', 'hello')).toBe('10.0.1.23:hello');
    const st = sup.status('echo-1')!;
    expect(st.state).toBe('running');
    expect(st.pid).toBeGreaterThan(0);
    expect(st.startMs).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'echo-1', 'opens.txt'), 'utf8')).toBe('1');
    expect(await sup.request('echo-1', 'opens')).toBe(1);
  });

  it('restarts after a crash and keeps its data', { timeout: 30_000 }, async () => {
    const pid = sup.status('echo-1')!.pid;
    await expect(sup.request('echo-1', 'crash')).rejects.toThrow(/exited with code 3/);
    await until(() => sup.status('echo-1')!.state === 'running' && sup.status('echo-1')!.pid !== pid, 'the restart');
    expect(sup.status('echo-1')!.crashes).toBe(1);
    expect(await sup.request('echo-1', 'opens')).toBe(2);
    expect(logs.some((l) => l.includes('engine echo-1 crashed'))).toBe(true);
  });

  it('stops an idle engine and starts it again on the next stream', { timeout: 30_000 }, async () => {
    sup.define({ id: 'echo-idle', program: PROGRAM, idleMs: 200 });
    expect(await echo('echo-idle', 'x')).toBe('10.0.1.23:x');
    await until(() => sup.status('echo-idle')!.state === 'stopped', 'the idle stop');
    expect(await echo('echo-idle', 'y', '172.31.5.6')).toBe('172.31.5.6:y');
    expect(readFileSync(join(root, 'echo-idle', 'opens.txt'), 'utf8')).toBe('2');
  });

  it('kills an engine that goes over its memory bound', { timeout: 30_000 }, async () => {
    sup.define({ id: 'echo-mem', program: PROGRAM, memoryMb: 150, idleMs: 60_000 });
    await sup.start('echo-mem');
    await sup.request('echo-mem', 'grow').catch(() => undefined);
    await until(() => sup.status('echo-mem')!.crashes >= 1, 'the watchdog');
    expect(logs.some((l) => /engine echo-mem crashed \(used \d+ MB, over its 150 MB bound\)/.test(l))).toBe(true);
  });

  it('reports an engine that cannot open, and stops gracefully', { timeout: 30_000 }, async () => {
    sup.define({ id: 'echo-bad', program: PROGRAM, config: { failOpen: true } });
    await expect(sup.start('echo-bad')).rejects.toThrow('engine echo-bad did not start: cannot open: bad config');
    await sup.stop('echo-1');
    expect(sup.status('echo-1')!.state).toBe('stopped');
    await sup.remove('echo-idle', { deleteData: true });
    expect(existsSync(join(root, 'echo-idle'))).toBe(false);
    expect(sup.has('echo-idle')).toBe(false);
  });
});
