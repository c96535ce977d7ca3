import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setContractClient } from '../../../src-renderer/contract-client';
import { useFlashStore } from '../../../src-renderer/stores/flash';
import { useLabStore } from '../../../src-renderer/stores/lab';
import { useS3Store } from '../../../src-renderer/stores/s3';
import { settle, startInProcessLab, type InProcessLab } from './in-process-lab';

let lab: InProcessLab;

beforeEach(async () => {
  lab = startInProcessLab();
  setContractClient(lab.client);
  setActivePinia(createPinia());
  useLabStore();
  await settle();
});
afterEach(() => {
  setContractClient(undefined);
  lab.close();
});

describe('useLabStore', () => {
  it('mirrors lab.info and picks the default region', () => {
    const store = useLabStore();
    expect(store.info?.accountId).toBe(lab.engine.account.accountId);
    expect(store.region).toBe('us-east-1');
    expect(store.regionLabel).toBe('US East (N. Virginia)');
    expect(store.connection).toBe('open');
  });

  it('adds calls made elsewhere to the recent activity, newest first', async () => {
    const store = useLabStore();
    await lab.engine.call(lab.engine.account.root, 's3', 'CreateBucket', { Bucket: 'from-the-cli' }, { source: 'api' });
    await lab.engine.call(lab.engine.account.root, 's3', 'ListBuckets', {}, { source: 'api' });
    await settle();
    expect(store.events.map((e) => `${e.source} ${e.operation}`)).toEqual(['api ListBuckets', 'api CreateBucket']);
  });
});

describe('useS3Store', () => {
  it('creates a bucket through aws.call and lists it', async () => {
    const s3 = useS3Store();
    expect(await s3.createBucket('console-bucket')).toBe(true);
    expect(s3.buckets.map((b) => b.name)).toEqual(['console-bucket']);
    expect(s3.buckets[0]!.creationDate).toBe('2026-01-15T10:30:00.000Z');
    expect(useFlashStore().items).toEqual([
      { id: expect.any(Number), kind: 'success', title: 'Bucket "console-bucket" created.' },
    ]);
    await settle();
    expect(useLabStore().events[0]).toEqual(expect.objectContaining({ source: 'console', operation: 'ListBuckets' }));
    expect(useLabStore().events[1]).toEqual(expect.objectContaining({ source: 'console', operation: 'CreateBucket' }));
  });

  it("shows AWS's error for an invalid name and creates nothing", async () => {
    const s3 = useS3Store();
    expect(await s3.createBucket('My_Bucket')).toBe(false);
    expect(useFlashStore().items).toEqual([
      {
        id: expect.any(Number),
        kind: 'error',
        title: 'Bucket "My_Bucket" was not created',
        code: 'InvalidBucketName',
        message: 'The specified bucket is not valid.',
      },
    ]);
    await s3.loadBuckets();
    expect(s3.buckets).toEqual([]);
  });

  it('sends the region as the location constraint outside us-east-1', async () => {
    useLabStore().setRegion('eu-west-1');
    const s3 = useS3Store();
    expect(await s3.createBucket('irish-bucket')).toBe(true);
    const out = await lab.engine.call(lab.engine.account.root, 's3', 'GetBucketLocation', { Bucket: 'irish-bucket' });
    expect(out.LocationConstraint).toBe('eu-west-1');
  });

  it('refreshes the list when a bucket is created from the CLI', async () => {
    const s3 = useS3Store();
    await s3.loadBuckets();
    await lab.engine.call(lab.engine.account.root, 's3', 'CreateBucket', { Bucket: 'cli-bucket' }, { source: 'api' });
    await settle(10);
    expect(s3.buckets.map((b) => b.name)).toEqual(['cli-bucket']);
  });
});
