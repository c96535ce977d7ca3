/**
 * A live mirror of one Describe* list: loaded through aws.call, reloaded after a relevant call by
 * anyone (events.appended) and polled every second while a row is in a state that changes by itself.
 */
import { storeToRefs } from 'pinia';
import { computed, onBeforeUnmount, ref, watch } from 'vue';
import type { JsonObject } from '../../src-main/contract';
import { useContractClient } from '../contract-client';
import { useLabStore } from '../stores/lab';
import type { Row } from '../aws/json';
import { useAws } from './useAws';

export interface ListSource {
  service: string;
  operation: string;
  input?: JsonObject;
  rows: (output: JsonObject) => Row[];
  watch: string[];
  transitional?: (row: Row) => boolean;
}

const POLL_MS = 1000;

export function useResourceList(source: () => ListSource) {
  const client = useContractClient();
  const { call, showError } = useAws();
  const { region, connection } = storeToRefs(useLabStore());
  const rows = ref<Row[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  let generation = 0;

  async function load(): Promise<void> {
    const src = source();
    const mine = ++generation;
    loading.value = true;
    try {
      const output = await call(src.service, src.operation, src.input ?? {});
      if (mine !== generation) return; // a newer load (another region) wins
      rows.value = src.rows(output);
      loaded.value = true;
    } catch (e) {
      if (mine === generation) showError(`Could not load ${src.operation.replace(/^Describe/, '').toLowerCase()}`, e);
    } finally {
      if (mine === generation) loading.value = false;
      schedulePoll();
    }
  }

  const busy = computed(() => rows.value.some((r) => source().transitional?.(r) ?? false));

  function schedulePoll(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!disposed && busy.value) timer = setTimeout(() => void load(), POLL_MS);
  }

  const off = client.on('events.appended', (event) => {
    const src = source();
    if (loaded.value && event.service === src.service && !event.errorCode && src.watch.includes(event.operation))
      void load();
  });

  watch(
    [region, connection],
    ([, state]) => {
      if (state === 'open') {
        rows.value = [];
        loaded.value = false;
        void load();
      }
    },
    { immediate: true },
  );

  onBeforeUnmount(() => {
    disposed = true;
    off();
    if (timer) clearTimeout(timer);
  });

  return { rows, loading, loaded, load, busy };
}
