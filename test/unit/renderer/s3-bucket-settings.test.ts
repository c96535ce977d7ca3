import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setContractClient } from '../../../src-renderer/contract-client';
import { useFlashStore } from '../../../src-renderer/stores/flash';
import { useLabStore } from '../../../src-renderer/stores/lab';
import { useS3BucketSettingsStore } from '../../../src-renderer/stores/s3-bucket-settings';
import { settle, startInProcessLab, type InProcessLab } from './in-process-lab';

// The S3 console's Properties, Permissions and Management tabs, over a real engine (§8.3, §8.4).
let lab: InProcessLab;
const s3 = (op: string, input: Record<string, unknown>) => lab.engine.call(lab.engine.account.root, 's3', op, input, { source: 'api' }) as Promise<Record<string, unknown>>;

beforeEach(async () => {
  lab = startInProcessLab();
  setContractClient(lab.client);
  setActivePinia(createPinia());
  useLabStore();
  await settle();
  await s3('CreateBucket', { Bucket: 'console-glacier' });
});
afterEach(() => {
  setContractClient(undefined);
  lab.close();
});

describe('bucket settings in the console', () => {
  it('§8.4: a glacier rule from the Management tab archives uploads; Initiate restore starts a restore', async () => {
    const store = useS3BucketSettingsStore();
    await store.load('console-glacier');
    expect(store.versioning).toBe('Disabled');
    expect(store.rules).toEqual([]);
    expect(await store.addRule({ id: 'glacier', prefix: '', storageClass: 'GLACIER', transitionDays: 0 })).toBe(true);
    expect(store.rules.map((r) => [r.id, r.transition])).toEqual([['glacier', { storageClass: 'GLACIER', days: 0 }]]);
    await s3('PutObject', { Bucket: 'console-glacier', Key: 'raw.csv', Body: Buffer.from('1,2') });
    lab.engine.clock.advance(24 * 3600_000);
    const head = await s3('HeadObject', { Bucket: 'console-glacier', Key: 'raw.csv' });
    expect(head.StorageClass).toBe('GLACIER');
    expect(await store.restore('raw.csv', 3, 'Expedited')).toBe(true);
    expect(useFlashStore().items[0]).toMatchObject({ kind: 'success', title: 'Restore of raw.csv initiated (Expedited).' });
    expect((await s3('HeadObject', { Bucket: 'console-glacier', Key: 'raw.csv' })).Restore).toBe('ongoing-request="true"');
    expect(await store.deleteRule('glacier')).toBe(true);
    expect(store.rules).toEqual([]);
  });

  it('versioning switch and the versions list; Block Public Access saves all four flags', async () => {
    const store = useS3BucketSettingsStore();
    await store.load('console-glacier');
    await store.setVersioning(true);
    expect(store.versioning).toBe('Enabled');
    for (const body of ['a', 'b']) await s3('PutObject', { Bucket: 'console-glacier', Key: 'k', Body: Buffer.from(body) });
    await s3('DeleteObject', { Bucket: 'console-glacier', Key: 'k' });
    await store.loadVersions('');
    expect(store.versions.map((v) => [v.deleteMarker, v.latest])).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ]);
    await store.setPublicAccess({ BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: false });
    expect(store.publicAccess).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: false });
    expect(store.aclPublic).toBe(false);
  });
});
