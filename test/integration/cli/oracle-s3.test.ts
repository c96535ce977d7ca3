/**
 * The oracle for the book's S3 commands (book-coverage §B.3, §B.4): §8.3's backup bucket with sync,
 * cp --recursive, versioning and rb --force, §8.6's static website (policy from a file, s3 website),
 * and rm --recursive; through the real AWS CLI and ours. Progress: see the last block.
 */
import { describe, it } from 'vitest';
import { useOracle, createLanes } from './oracle-lab';

const POLICY = (bucket: string) => JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AddPerm', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${bucket}/*`] }],
});
const FILES: Record<string, string> = {
  'data/a.txt': 'first\n',
  'data/sub/b.txt': 'second\n',
  'site/helloworld.html': '<html><body>Hello World!</body></html>\n',
  'site/error.html': '<html><body>Oops</body></html>\n',
};
const oracle = useOracle(FILES);
const { compare } = oracle;
const { set, get } = createLanes();

describe('§8.3: a backup bucket', () => {
  it('mb, a bucket name taken, sync, sync again (nothing new), cp --recursive back', async () => {
    await compare((s) => ['s3', 'mb', `s3://${set(s, 'b', `awsinaction-${s}`)}`]);
    await compare((s) => ['s3', 'mb', `s3://${get(s, 'b')}`]);
    await compare((s) => ['s3', 'sync', 'data', `s3://${get(s, 'b')}/backup`, '--no-progress'], { sort: true });
    await compare((s) => ['s3', 'sync', 'data', `s3://${get(s, 'b')}/backup`]);
    await compare((s) => ['s3', 'cp', '--recursive', `s3://${get(s, 'b')}/backup`, `restore-${s}`, '--no-progress'], { sort: true });
    await compare((s) => ['s3', 'ls', `s3://${get(s, 'b')}`, '--recursive']);
  });
  it('put-bucket-versioning, list-object-versions, rb without and with --force', async () => {
    await compare((s) => ['s3api', 'put-bucket-versioning', '--bucket', get(s, 'b'), '--versioning-configuration', 'Status=Enabled']);
    await compare((s) => ['s3api', 'get-bucket-versioning', '--bucket', get(s, 'b')]);
    await compare((s) => ['s3', 'cp', 'data/a.txt', `s3://${get(s, 'b')}/backup/a.txt`, '--no-progress']);
    await compare((s) => ['s3api', 'list-object-versions', '--bucket', get(s, 'b')]);
    for (const f of ['text', 'table']) await compare((s) => ['s3api', 'list-object-versions', '--bucket', get(s, 'b'), '--output', f]);
    await compare((s) => ['s3', 'rb', `s3://${get(s, 'b')}`]);
    await compare((s) => ['s3', 'rb', '--force', `s3://${get(s, 'b')}`], { sort: true });
    await compare((s) => ['s3api', 'list-object-versions', '--bucket', get(s, 'b'), '--query', 'length(Versions)']);
  });
});

describe('§8.6: a static website', () => {
  it('mb, cp a page, put-bucket-policy from a file, s3 website, get-bucket-website', async () => {
    await compare((s) => ['s3', 'mb', `s3://${set(s, 'w', `website-${s}`)}`]);
    await compare((s) => ['s3', 'cp', 'site/helloworld.html', `s3://${get(s, 'w')}/helloworld.html`, '--no-progress']);
    await compare((s) => ['s3api', 'put-bucket-policy', '--bucket', get(s, 'w'), '--policy', POLICY(get(s, 'w'))]);
    await compare((s) => ['s3api', 'get-bucket-policy', '--bucket', get(s, 'w'), '--query', 'Policy', '--output', 'text']);
    await compare((s) => ['s3api', 'put-bucket-policy', '--bucket', get(s, 'w'), '--policy', 'file://missing-policy.json']);
    await compare((s) => ['s3api', 'put-bucket-policy', '--bucket', get(s, 'w'), '--policy', '{"Version": "2012-10-17", "Statement": []}']);
    await compare((s) => ['s3', 'website', `s3://${get(s, 'w')}`, '--index-document', 'helloworld.html']);
    await compare((s) => ['s3', 'website', `s3://${get(s, 'w')}`, '--index-document', 'index.html', '--error-document', 'error.html']);
    await compare((s) => ['s3api', 'get-bucket-website', '--bucket', get(s, 'w')]);
  });
  it('rm --recursive, rb', async () => {
    await compare((s) => ['s3', 'rm', `s3://${get(s, 'w')}`, '--recursive'], { sort: true });
    await compare((s) => ['s3', 'rb', `s3://${get(s, 'w')}`]);
  });
});

describe('progress lines when stdout is not a terminal', () => {
  it('cp and sync without --no-progress', async () => {
    await compare((s) => ['s3', 'mb', `s3://${set(s, 'p', `progress-${s}`)}`]);
    await compare((s) => ['s3', 'cp', 'data/a.txt', `s3://${get(s, 'p')}/a.txt`]);
    await compare((s) => ['s3', 'sync', 'data', `s3://${get(s, 'p')}/all`], { sort: true });
    await compare((s) => ['s3', 'cp', `s3://${get(s, 'p')}/a.txt`, `copy-${s}.txt`]);
    await compare((s) => ['s3', 'rb', '--force', `s3://${get(s, 'p')}`], { sort: true });
  });
});
