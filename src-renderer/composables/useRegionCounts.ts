/**
 * Console Home's "Resources" widget: running instances per region (one DescribeInstances per
 * region, the way EC2 Global View asks) and the account's S3 buckets (ListBuckets is global).
 */
import { storeToRefs } from 'pinia';
import { ref } from 'vue';
import { useLabStore } from '../stores/lab';
import { list, text } from '../aws/json';
import { useAws } from './useAws';
import { flattenReservations } from '../stores/instances';

export interface RegionCount {
  region: string;
  label: string;
  running: number;
  stopped: number;
}

export function useRegionCounts() {
  const { call } = useAws();
  const { info } = storeToRefs(useLabStore());
  const counts = ref<RegionCount[]>([]);
  const buckets = ref<number>();
  const loading = ref(false);

  async function load(): Promise<void> {
    const regions = (info.value?.regions ?? []).filter((r) => !r.optIn);
    loading.value = true;
    const results = await Promise.all(
      regions.map(async (r) => {
        try {
          const out = await call('ec2', 'DescribeInstances', {}, r.name);
          const states = flattenReservations(out).map((i) => text(i, 'State.Name'));
          return { region: r.name, label: r.label, running: states.filter((s) => s === 'running' || s === 'pending').length, stopped: states.filter((s) => s === 'stopped' || s === 'stopping').length };
        } catch {
          return { region: r.name, label: r.label, running: 0, stopped: 0 };
        }
      }),
    );
    counts.value = results.filter((c) => c.running + c.stopped > 0);
    try {
      buckets.value = list(await call('s3', 'ListBuckets'), 'Buckets').length;
    } catch {
      buckets.value = undefined;
    }
    loading.value = false;
  }
  return { counts, buckets, loading, load };
}
