/**
 * Guided chapters as the console sees them: the chapter list, the open chapter (its text, hints and
 * costs) and a live mirror of its check marks. Marks arrive as `chapters.updated` whenever the cloud
 * changes; time-driven changes (an instance finishing its boot) make no call, so an open chapter is
 * also re-checked every few seconds.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ChapterOpened, ChapterStatus, ChapterSummary } from '../../src-main/contract';
import { useContractClient } from '../contract-client';
import { useTerminalsStore } from './terminals';

const CHAPTER_KEY = 'nimbus.chapter';
const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);
const REFRESH_MS = 4000;
const TERMINAL_WAIT_MS = 5000;

export const useChaptersStore = defineStore('chapters', () => {
  const client = useContractClient();
  const chapters = ref<ChapterSummary[]>([]);
  const selected = ref<number | undefined>(Number(storage()?.getItem(CHAPTER_KEY)) || undefined);
  const opened = ref<ChapterOpened>();
  const status = ref<ChapterStatus>();
  /** How many hints of each step the learner has revealed. */
  const hintsShown = ref<Record<string, number>>({});
  const expanded = ref<string>();
  const busy = ref<string>();
  const error = ref<string>();
  let timer: ReturnType<typeof setInterval> | undefined;

  const current = computed(() => status.value?.steps.find((s) => s.id === (expanded.value ?? status.value?.currentStep)));

  async function run<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    busy.value = what;
    error.value = undefined;
    try {
      return await fn();
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return undefined;
    } finally {
      busy.value = undefined;
    }
  }

  async function load(): Promise<void> {
    const list = await run('load', () => client.request('chapters.list', {}));
    if (list) chapters.value = list.chapters;
    if (selected.value && chapters.value.some((c) => c.number === selected.value)) await open(selected.value);
  }

  async function open(n: number): Promise<void> {
    selected.value = n;
    storage()?.setItem(CHAPTER_KEY, String(n));
    const o = await run('open', () => client.request('chapters.open', { chapter: n }));
    if (!o) return;
    opened.value = o;
    status.value = o.status;
    expanded.value = undefined;
    hintsShown.value = {};
    if (timer) clearInterval(timer);
    timer = setInterval(() => void refresh(), REFRESH_MS);
  }

  function close(): void {
    selected.value = undefined;
    opened.value = undefined;
    status.value = undefined;
    storage()?.removeItem(CHAPTER_KEY);
    if (timer) clearInterval(timer);
    timer = undefined;
  }

  async function refresh(): Promise<void> {
    if (!selected.value || busy.value) return;
    try {
      status.value = await client.request('chapters.evaluate', { chapter: selected.value });
    } catch {
      // The connection is down; the next open or push brings the marks back.
    }
  }

  /** Opens the workstation tab and waits until its shell is there, so "Show me" types where the learner sees it. */
  async function workstationReady(): Promise<void> {
    const terminals = useTerminalsStore();
    terminals.openWorkstation();
    for (let waited = 0; waited < TERMINAL_WAIT_MS; waited += 100) {
      const tab = terminals.tabs.find((t) => t.kind === 'workstation');
      if (!tab || tab.status !== 'starting') return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function showMe(step: string): Promise<void> {
    if (!selected.value) return;
    const summary = chapters.value.find((c) => c.number === selected.value)?.steps.find((x) => x.id === step);
    const s = await run(`show:${step}`, async () => {
      if (summary?.terminal) await workstationReady();
      return client.request('chapters.showMe', { chapter: selected.value!, step });
    });
    if (s) status.value = s;
  }

  async function reset(): Promise<void> {
    if (!selected.value) return;
    const s = await run('reset', () => client.request('chapters.reset', { chapter: selected.value! }));
    if (s) {
      status.value = s;
      hintsShown.value = {};
    }
  }

  async function resetLab(): Promise<void> {
    await run('resetLab', () => client.request('chapters.resetLab', {}));
    if (selected.value) await open(selected.value);
  }

  async function exportProgress(): Promise<{ json: string; html: string } | undefined> {
    return run('export', () => client.request('chapters.export', {}));
  }

  function revealHint(step: string): void {
    hintsShown.value = { ...hintsShown.value, [step]: (hintsShown.value[step] ?? 0) + 1 };
  }

  client.onOpen(() => void load());
  client.on('chapters.updated', (s) => {
    if (s.chapter === selected.value) status.value = s;
  });

  return {
    chapters,
    selected,
    opened,
    status,
    current,
    expanded,
    hintsShown,
    busy,
    error,
    load,
    open,
    close,
    refresh,
    showMe,
    reset,
    resetLab,
    exportProgress,
    revealHint,
  };
});
