/**
 * S3 as the console shows it: a mirror of ListBuckets, refreshed after the learner's own changes and
 * whenever the event history shows an S3 bucket call made elsewhere (CLI, SDK).
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import { ContractRequestError, useContractClient } from '../contract-client';
import { useFlashStore } from './flash';
import { useLabStore } from './lab';

export interface Bucket {
  name: string;
  creationDate?: string;
  region?: string;
}

const BUCKET_CHANGES = new Set(['CreateBucket', 'DeleteBucket']);

/** ListBuckets output → rows, ignoring anything that is not shaped like a bucket. */
function toBuckets(output: Record<string, unknown>): Bucket[] {
  const list = Array.isArray(output.Buckets) ? output.Buckets : [];
  return list.flatMap((b: unknown) => {
    if (!b || typeof b !== 'object' || !('Name' in b) || typeof b.Name !== 'string') return [];
    const creationDate = 'CreationDate' in b && typeof b.CreationDate === 'string' ? b.CreationDate : undefined;
    const region = 'BucketRegion' in b && typeof b.BucketRegion === 'string' ? b.BucketRegion : undefined;
    return [{ name: b.Name, creationDate, region }];
  });
}

export const useS3Store = defineStore('s3', () => {
  const client = useContractClient();
  const flash = useFlashStore();
  const { region } = storeToRefs(useLabStore());
  const buckets = ref<Bucket[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const creating = ref(false);

  async function loadBuckets(): Promise<void> {
    loading.value = true;
    try {
      const output = await client.request('aws.call', {
        service: 's3',
        operation: 'ListBuckets',
        input: {},
        region: region.value || undefined,
      });
      buckets.value = toBuckets(output).sort((a, b) => a.name.localeCompare(b.name));
      loaded.value = true;
    } catch (e) {
      showError('Could not list buckets', e);
    } finally {
      loading.value = false;
    }
  }

  /** Returns true when the bucket was created; on failure AWS's error is in the flashbar. */
  async function createBucket(name: string): Promise<boolean> {
    creating.value = true;
    try {
      const input: Record<string, string | Record<string, string>> = { Bucket: name };
      // us-east-1 is the only region where AWS wants no location constraint.
      if (region.value && region.value !== 'us-east-1')
        input.CreateBucketConfiguration = { LocationConstraint: region.value };
      await client.request('aws.call', {
        service: 's3',
        operation: 'CreateBucket',
        input,
        region: region.value || undefined,
      });
      flash.show({ kind: 'success', title: `Bucket "${name}" created.` });
      await loadBuckets();
      return true;
    } catch (e) {
      showError(`Bucket "${name}" was not created`, e);
      return false;
    } finally {
      creating.value = false;
    }
  }

  function showError(title: string, e: unknown): void {
    if (e instanceof ContractRequestError) flash.show({ kind: 'error', title, code: e.code, message: e.message });
    else flash.show({ kind: 'error', title, message: e instanceof Error ? e.message : String(e) });
  }

  // Keep the list current when buckets change through the CLI or an SDK.
  client.on('events.appended', (event) => {
    if (
      loaded.value &&
      event.service === 's3' &&
      event.source !== 'console' &&
      !event.errorCode &&
      BUCKET_CHANGES.has(event.operation)
    ) {
      void loadBuckets();
    }
  });

  return { buckets, loading, loaded, creating, loadBuckets, createBucket };
});
