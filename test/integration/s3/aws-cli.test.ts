import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { removeDir, startLab, type RunningLab } from '../../helpers/lab';
import { awsCli } from '../../helpers/clients';

// Debian's real AWS CLI v2 against the lab: the commands the book types in chapters 7 and 8.
let lab: RunningLab;
let work: string;

beforeAll(async () => {
  lab = await startLab();
  work = mkdtempSync(join(tmpdir(), 'nimbus-cli-'));
});
afterAll(async () => {
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
  if (work) removeDir(work);
});

describe('aws s3 (high level) through the real AWS CLI v2', () => {
  it('mb, cp, ls, rm, rb', () => {
    expect(awsCli(lab, ['s3', 'mb', 's3://cli-bucket'])).toMatchObject({ status: 0, stdout: 'make_bucket: cli-bucket\n' });
    writeFileSync(join(work, 'hello.txt'), 'hello from the cli\n');
    const cp = awsCli(lab, ['s3', 'cp', 'hello.txt', 's3://cli-bucket/docs/hello.txt'], { cwd: work });
    expect(cp.status, cp.stderr).toBe(0);
    expect(cp.stdout).toContain('upload: ./hello.txt to s3://cli-bucket/docs/hello.txt');

    const ls = awsCli(lab, ['s3', 'ls', 's3://cli-bucket/docs/']);
    expect(ls.status, ls.stderr).toBe(0);
    expect(ls.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+19 hello.txt\n$/);
    const top = awsCli(lab, ['s3', 'ls']);
    expect(top.stdout).toMatch(/cli-bucket\n/);

    const down = awsCli(lab, ['s3', 'cp', 's3://cli-bucket/docs/hello.txt', 'back.txt'], { cwd: work });
    expect(down.status, down.stderr).toBe(0);
    expect(readFileSync(join(work, 'back.txt'), 'utf8')).toBe('hello from the cli\n');

    const rb = awsCli(lab, ['s3', 'rb', 's3://cli-bucket']);
    expect(rb.status).not.toBe(0);
    expect(rb.stderr).toContain('BucketNotEmpty');

    const rm = awsCli(lab, ['s3', 'rm', 's3://cli-bucket/docs/hello.txt']);
    expect(rm).toMatchObject({ status: 0, stdout: 'delete: s3://cli-bucket/docs/hello.txt\n' });
    expect(awsCli(lab, ['s3', 'rb', 's3://cli-bucket'])).toMatchObject({ status: 0, stdout: 'remove_bucket: cli-bucket\n' });
  });

  it('cp --recursive and rb --force, with a file large enough for multipart', () => {
    const dir = join(work, 'tree');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'a');
    writeFileSync(join(dir, 'sub', 'b.txt'), 'b');
    writeFileSync(join(dir, 'big.bin'), Buffer.alloc(20 * 1024 * 1024, 7));
    expect(awsCli(lab, ['s3', 'mb', 's3://cli-tree']).status).toBe(0);
    const up = awsCli(lab, ['s3', 'cp', '--recursive', dir, 's3://cli-tree/backup']);
    expect(up.status, up.stderr).toBe(0);
    const ls = awsCli(lab, ['s3', 'ls', '--recursive', 's3://cli-tree']);
    expect(ls.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).pop())).toEqual(['backup/a.txt', 'backup/big.bin', 'backup/sub/b.txt']);
    const back = join(work, 'restore');
    const down = awsCli(lab, ['s3', 'cp', '--recursive', 's3://cli-tree/backup', back]);
    expect(down.status, down.stderr).toBe(0);
    expect(readFileSync(join(back, 'big.bin')).equals(Buffer.alloc(20 * 1024 * 1024, 7))).toBe(true);
    const rb = awsCli(lab, ['s3', 'rb', '--force', 's3://cli-tree']);
    expect(rb.status, rb.stderr).toBe(0);
    expect(rb.stdout).toContain('remove_bucket: cli-tree');
  });
});

describe('aws s3api through the real AWS CLI v2', () => {
  it('put-object, get-object, list-objects-v2', () => {
    expect(awsCli(lab, ['s3api', 'create-bucket', '--bucket', 'cli-api']).status).toBe(0);
    writeFileSync(join(work, 'data.json'), '{"x":1}');
    const put = awsCli(lab, ['s3api', 'put-object', '--bucket', 'cli-api', '--key', 'data.json', '--body', 'data.json', '--content-type', 'application/json'], { cwd: work });
    expect(put.status, put.stderr).toBe(0);
    expect(JSON.parse(put.stdout).ETag).toBe(`"${createHash('md5').update('{"x":1}').digest('hex')}"`);
    const get = awsCli(lab, ['s3api', 'get-object', '--bucket', 'cli-api', '--key', 'data.json', 'out.json'], { cwd: work });
    expect(get.status, get.stderr).toBe(0);
    const meta = JSON.parse(get.stdout);
    expect(meta.ContentType).toBe('application/json');
    expect(meta.ContentLength).toBe(7);
    expect(readFileSync(join(work, 'out.json'), 'utf8')).toBe('{"x":1}');
    const list = awsCli(lab, ['s3api', 'list-objects-v2', '--bucket', 'cli-api', '--query', 'Contents[].Key', '--output', 'text']);
    expect(list).toMatchObject({ status: 0, stdout: 'data.json\n' });
  });

  it('prints AWS errors with the exit code 254', () => {
    const r = awsCli(lab, ['s3api', 'get-object', '--bucket', 'cli-nothing', '--key', 'k', join(work, 'x')]);
    expect(r.status).toBe(254);
    expect(r.stderr.trim()).toBe('An error occurred (NoSuchBucket) when calling the GetObject operation: The specified bucket does not exist');
  });
});
