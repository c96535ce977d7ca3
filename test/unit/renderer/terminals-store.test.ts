/** The terminal dock's store over the contract's terminal.* requests, against a real engine in-process. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setContractClient } from '../../../src-renderer/contract-client';
import { useTerminalsStore } from '../../../src-renderer/stores/terminals';
import { settle, startInProcessLab, type InProcessLab } from './in-process-lab';

let lab: InProcessLab;
const saved = new Map<string, string>();

beforeEach(() => {
  lab = startInProcessLab();
  setContractClient(lab.client);
  setActivePinia(createPinia());
  // The browser's sessionStorage, which keeps terminal ids across a reload.
  globalThis.sessionStorage = {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => void saved.set(k, v),
    removeItem: (k: string) => void saved.delete(k),
    clear: () => saved.clear(),
    key: () => null,
    length: 0,
  };
});
afterEach(() => {
  setContractClient(undefined);
  lab.close();
  saved.clear();
  Reflect.deleteProperty(globalThis, 'sessionStorage');
});

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await settle(2);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('terminals store', () => {
  it('opens the workstation, shows its prompt, runs a command and re-attaches after a reload', async () => {
    const store = useTerminalsStore();
    store.openWorkstation();
    const tab = store.tabs[0]!;
    let screen = '';
    store.subscribe(tab.key, (d) => (screen += d));
    await store.ready(tab.key, 100, 30);
    expect(store.tabs[0]!.status).toBe('open');
    expect(store.tabs[0]!.sessionId).toMatch(/^term-/);
    expect(store.open).toBe(true);
    await until('prompt', () => /\$ $/.test(screen));
    store.input(tab.key, 'echo hello-from-the-dock\r');
    await until('echo', () => screen.includes('hello-from-the-dock\r\n'));
    expect(JSON.parse(saved.get('nimbus.terminals')!)).toEqual([
      { kind: 'workstation', title: store.tabs[0]!.title, target: { kind: 'workstation' }, sessionId: store.tabs[0]!.sessionId },
    ]);

    // A reload: a new store finds the session in sessionStorage and repaints from the scrollback.
    const sessionId = store.tabs[0]!.sessionId;
    setActivePinia(createPinia());
    const again = useTerminalsStore();
    expect(again.tabs.map((t) => [t.kind, t.sessionId, t.status])).toEqual([['workstation', sessionId, 'starting']]);
    let repaint = '';
    again.subscribe(again.tabs[0]!.key, (d) => (repaint += d));
    await again.ready(again.tabs[0]!.key, 100, 30);
    expect(again.tabs[0]!.status).toBe('open');
    expect(repaint).toContain('hello-from-the-dock');
  });

  it('marks a tab ended when its shell exits', async () => {
    const store = useTerminalsStore();
    store.openWorkstation();
    const key = store.tabs[0]!.key;
    await store.ready(key, 80, 24);
    store.input(key, 'exit\r');
    await until('exit', () => store.tabs[0]!.status === 'ended');
    expect(JSON.parse(saved.get('nimbus.terminals')!)).toEqual([]);
  });
});
