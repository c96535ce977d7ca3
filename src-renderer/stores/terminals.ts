/**
 * The terminal dock's tabs: the workstation and one per "Connect", each bound to a lab terminal
 * session. Session ids are kept in sessionStorage, so a reload re-attaches to the same shells.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { TerminalBackend, TerminalTarget } from '../terminal/backend';
import { contractTerminalBackend } from '../terminal/contract-backend';

export interface TerminalTab {
  /** Local key (stable across reconnects). */
  key: string;
  kind: 'workstation' | 'instance';
  title: string;
  target: TerminalTarget;
  sessionId?: string;
  status: 'starting' | 'open' | 'ended';
  error?: string;
}

const STORAGE_KEY = 'nimbus.terminals';
const storage = (): Storage | undefined => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);

let backendFactory: () => TerminalBackend = contractTerminalBackend;
/** Tests plug in their own backend. */
export function setTerminalBackend(factory: () => TerminalBackend): void {
  backendFactory = factory;
}

export const useTerminalsStore = defineStore('terminals', () => {
  const backend = backendFactory();
  const tabs = ref<TerminalTab[]>([]);
  const active = ref<string>();
  const open = ref(false);
  const listeners = new Map<string, Set<(data: string) => void>>();
  /** Output that arrived before the tab's xterm subscribed. */
  const pending = new Map<string, string[]>();
  let next = 1;

  const byKey = (key: string) => tabs.value.find((t) => t.key === key);
  const bySession = (id: string) => tabs.value.find((t) => t.sessionId === id);
  const emit = (key: string, data: string) => {
    const set = listeners.get(key);
    if (set?.size) set.forEach((l) => l(data));
    else pending.set(key, [...(pending.get(key) ?? []), data]);
  };

  function persist(): void {
    const saved = tabs.value.filter((t) => t.sessionId && t.status !== 'ended').map((t) => ({ kind: t.kind, title: t.title, target: t.target, sessionId: t.sessionId }));
    storage()?.setItem(STORAGE_KEY, JSON.stringify(saved));
  }

  backend.onOutput((id, data) => {
    const tab = bySession(id);
    if (tab) emit(tab.key, data);
  });
  backend.onExit((id, reason) => {
    const tab = bySession(id);
    if (!tab) return;
    tab.status = 'ended';
    tab.error = reason || undefined;
    persist();
  });

  function add(kind: TerminalTab['kind'], title: string, target: TerminalTarget, sessionId?: string): TerminalTab {
    const tab: TerminalTab = { key: `t${next++}`, kind, title, target, sessionId, status: 'starting' };
    tabs.value.push(tab);
    return byKey(tab.key)!;
  }

  /** Called by the tab's xterm once it knows its size: opens (or re-attaches) the session. */
  async function ready(key: string, cols: number, rows: number): Promise<void> {
    const tab = byKey(key);
    if (!tab || tab.status === 'open') return;
    try {
      if (tab.sessionId) {
        const replay = await backend.attach(tab.sessionId, cols, rows);
        if (replay) emit(key, replay);
      } else {
        const opened = await backend.open(tab.target, cols, rows);
        tab.sessionId = opened.sessionId;
        tab.title = opened.title;
        if (opened.replay) emit(key, opened.replay);
      }
      tab.status = 'open';
      tab.error = undefined;
    } catch (e) {
      tab.status = 'ended';
      tab.error = e instanceof Error ? e.message : String(e);
    }
    persist();
  }

  function show(key: string): void {
    active.value = key;
    open.value = true;
  }
  function toggle(): void {
    if (!open.value && tabs.value.length === 0) openWorkstation();
    else open.value = !open.value;
  }
  function openWorkstation(): void {
    const existing = tabs.value.find((t) => t.kind === 'workstation');
    show((existing ?? add('workstation', 'Workstation', { kind: 'workstation' })).key);
  }
  /** "Connect" (EC2 Instance Connect): a shell on the instance as the AMI's default user. */
  function openInstance(instanceId: string, user: string, name = ''): void {
    const tab = add('instance', `${user}@${name || instanceId}`, { kind: 'instance', instanceId, user });
    show(tab.key);
  }
  function reconnect(key: string): void {
    const tab = byKey(key);
    if (!tab) return;
    tab.sessionId = undefined;
    tab.status = 'starting';
    emit(key, '\r\n');
    // The view is mounted already: ask for a new session with its current size.
    void ready(key, 80, 24);
  }
  function close(key: string): void {
    const tab = byKey(key);
    if (!tab) return;
    if (tab.sessionId && tab.status === 'open') backend.close(tab.sessionId);
    tabs.value = tabs.value.filter((t) => t.key !== key);
    listeners.delete(key);
    pending.delete(key);
    if (active.value === key) active.value = tabs.value.at(-1)?.key;
    if (!active.value) open.value = false;
    persist();
  }
  function input(key: string, data: string): void {
    const tab = byKey(key);
    if (tab?.sessionId && tab.status === 'open') backend.input(tab.sessionId, data);
  }
  function resize(key: string, cols: number, rows: number): void {
    const tab = byKey(key);
    if (tab?.sessionId && tab.status === 'open') backend.resize(tab.sessionId, cols, rows);
  }
  function subscribe(key: string, listener: (data: string) => void): () => void {
    let set = listeners.get(key);
    if (!set) listeners.set(key, (set = new Set()));
    set.add(listener);
    for (const chunk of pending.get(key) ?? []) listener(chunk);
    pending.delete(key);
    return () => set.delete(listener);
  }

  // Sessions of this browser tab survive a reload: restore their tabs; each re-attaches when shown.
  try {
    const saved: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? '[]');
    if (Array.isArray(saved))
      for (const s of saved as Partial<TerminalTab>[])
        if (s.sessionId && s.target && s.title && (s.kind === 'workstation' || s.kind === 'instance')) add(s.kind, s.title, s.target, s.sessionId);
    if (tabs.value.length) {
      active.value = tabs.value[0]!.key;
      open.value = true;
    }
  } catch {
    // nothing to restore
  }

  return { tabs, active, open, show, toggle, openWorkstation, openInstance, reconnect, close, input, resize, subscribe, ready };
});
