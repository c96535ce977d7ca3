/**
 * `nimbus exec` and `nimbus env`: programs written for AWS (aws-sdk v2, which ignores
 * AWS_ENDPOINT_URL, and SDK v3) reach the running lab without a line changed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, useLab } from '../../helpers/lab';

const getLab = useLab();
const nimbus = (args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'bin', 'nimbus'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    // The learner's own keys must not leak into the program.
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'AKIAWRONGWRONGWRONG0', AWS_SECRET_ACCESS_KEY: 'wrong', AWS_ENDPOINT_URL: '' },
  });

// Written as the book writes its programs: a plain client, no endpoint, no credentials.
const V2_PROGRAM = `
const AWS = require('aws-sdk');
const s3 = new AWS.S3({ region: 'us-east-1' });
s3.createBucket({ Bucket: 'exec-gallery' }, (err) => {
  if (err) { console.error(err.code, err.message); process.exit(2); }
  s3.upload({ Bucket: 'exec-gallery', Key: 'hello.txt', Body: 'hi from v2' }, (err2) => {
    if (err2) { console.error(err2.code, err2.message); process.exit(3); }
    s3.listObjects({ Bucket: 'exec-gallery' }, (err3, data) => {
      if (err3) { console.error(err3.code); process.exit(4); }
      console.log(data.Contents.map((o) => o.Key).join(','));
    });
  });
});`;

const V3_PROGRAM = `
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');
new STSClient({}).send(new GetCallerIdentityCommand({})).then((r) => console.log(r.Arn), (e) => { console.error(e.name, e.message); process.exit(2); });`;

describe('nimbus exec and nimbus env', () => {
  it('points aws-sdk v2 at the lab with its credentials', () => {
    const lab = getLab();
    const r = nimbus(['exec', '--data', lab.dataDir, '--', process.execPath, '--no-deprecation', '-e', V2_PROGRAM]);
    expect(r.stderr).not.toMatch(/Error|error/);
    expect(r.stdout.trim()).toBe('hello.txt');
    expect(r.status).toBe(0);
  });

  it('gives SDK v3 the endpoint, the region and the root credentials', () => {
    const lab = getLab();
    const r = nimbus(['exec', '--data', lab.dataDir, '--', process.execPath, '-e', V3_PROGRAM]);
    expect(r.stdout.trim()).toMatch(/^arn:aws:iam::\d{12}:root$/);
    expect(r.status).toBe(0);
  });

  it('prints the same settings as shell exports, and says when no lab runs', () => {
    const lab = getLab();
    const r = nimbus(['env', '--data', lab.dataDir]);
    expect(r.stdout).toContain(`export AWS_ENDPOINT_URL=${lab.endpoint}\n`);
    expect(r.stdout).toContain(`export AWS_ACCESS_KEY_ID=${lab.credentials.accessKeyId}\n`);
    expect(r.stdout).toContain('export AWS_REGION=us-east-1\n');
    const none = nimbus(['exec', '--data', join(lab.dataDir, 'nowhere'), '--', 'true']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no lab is running on');
  });
});
