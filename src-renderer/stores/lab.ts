/**
 * The lab as the console sees it: account, regions, services (a snapshot from lab.info), the region
 * the learner works in, and a live mirror of the event history (events.recent, then events.appended).
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { HistoryEvent, LabInfo } from '../../src-main/contract';
import { useContractClient } from '../contract-client';

const REGION_KEY = 'nimbus.region';
// Absent outside a browser (component tests in Node): the region is then simply not remembered.
const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);
const HISTORY_SIZE = 50;

export const useLabStore = defineStore('lab', () => {
  const client = useContractClient();
  const info = ref<LabInfo>();
  const region = ref<string>(storage()?.getItem(REGION_KEY) ?? '');
  const events = ref<HistoryEvent[]>([]);
  const loadError = ref<string>();
  const connection = client.state;

  const regionLabel = computed(() => info.value?.regions.find((r) => r.name === region.value)?.label ?? region.value);

  async function load(): Promise<void> {
    try {
      const [labInfo, recent] = await Promise.all([
        client.request('lab.info', {}),
        client.request('events.recent', { limit: HISTORY_SIZE }),
      ]);
      info.value = labInfo;
      if (!labInfo.regions.some((r) => r.name === region.value)) region.value = labInfo.defaultRegion;
      events.value = recent.events;
      loadError.value = undefined;
    } catch (e) {
      loadError.value = e instanceof Error ? e.message : String(e);
    }
  }

  function setRegion(name: string): void {
    region.value = name;
    storage()?.setItem(REGION_KEY, name);
  }

  // Reload the snapshot whenever the connection (re)opens; apply pushed events in between.
  client.onOpen(() => void load());
  client.on('events.appended', (event) => {
    events.value = [event, ...events.value].slice(0, HISTORY_SIZE);
  });

  return { info, region, regionLabel, events, loadError, connection, load, setRegion };
});
