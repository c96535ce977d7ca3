/**
 * The CloudFormation pages' calls: every one is an AWS operation through the contract (useAws).
 * `whenOpen` runs a load once the lab's connection is open, again after a reconnect or a region change;
 * `poll` repeats a load while `busy()` says something is still in progress.
 */
import { onBeforeUnmount, onMounted, watch } from 'vue';
import { storeToRefs } from 'pinia';
import type { JsonObject } from '../../../src-main/contract';
import { useAws } from '../../composables/useAws';
import { useLabStore } from '../../stores/lab';

export function useCloudFormation() {
  const aws = useAws();
  const cfn = <T = JsonObject>(operation: string, input: object = {}) =>
    aws.call('cloudformation', operation, input as JsonObject) as Promise<T>;
  return { ...aws, cfn };
}

export function whenOpen(load: () => unknown): void {
  const { connection, region } = storeToRefs(useLabStore());
  onMounted(() => connection.value === 'open' && void load());
  watch(connection, (state) => state === 'open' && void load());
  watch(region, () => connection.value === 'open' && void load());
}

export function poll(load: () => Promise<unknown>, busy: () => boolean, everyMs = 2000): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    if (busy()) await load().catch(() => undefined);
    timer = setTimeout(() => void tick(), everyMs);
  };
  onMounted(() => (timer = setTimeout(() => void tick(), everyMs)));
  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(timer);
  });
}

export const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '');
