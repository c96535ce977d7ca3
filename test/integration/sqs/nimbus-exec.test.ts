/**
 * Chapter 15's flow with programs written for AWS: a producer and a worker on aws-sdk v2
 * (fixtures/url2png.cjs, plain clients, no endpoint or credentials) run unchanged under `nimbus exec`,
 * with GetQueueAttributes counting along the way.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { repoRoot, useLab } from '../../helpers/lab';

const getLab = useLab();
const program = join(import.meta.dirname, 'fixtures', 'url2png.cjs');
const exec = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'nimbus'), 'exec', '--data', getLab().dataDir, '--', process.execPath, '--no-deprecation', program, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    // The learner's own settings must not be what makes it work.
    env: { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_ENDPOINT_URL: '' },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('url2png under nimbus exec', () => {
  it('produces and works with aws-sdk v2 unchanged; the counters follow', { timeout: 60_000 }, async () => {
    const lab = getLab();
    const common = { endpoint: lab.endpoint, region: 'us-east-1', credentials: lab.credentials };
    const sqs = new SQSClient(common);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'url2png' }));
    const s3 = new S3Client({ ...common, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'url2png-out' }));
    const waiting = async () =>
      (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }))).Attributes!.ApproximateNumberOfMessages;

    expect(exec('produce', 'https://example.com/a', 'https://example.com/b')).toMatch(/^queued \w+\nqueued \w+\n$/);
    expect(await waiting()).toBe('2');
    expect(exec('work', '2')).toMatch(/^done \w+\ndone \w+\n$/);
    expect(await waiting()).toBe('0');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'url2png-out' }));
    expect(listed.Contents).toHaveLength(2);
  });
});
