import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AWS from 'aws-sdk';
import {
  CreateBucketCommand,
  DeleteBucketLifecycleCommand,
  DeleteObjectCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  RestoreObjectCommand,
  S3Client,
  type BucketLifecycleConfiguration,
} from '@aws-sdk/client-s3';
import { createClock, type Clock } from '../../../src-main/engine/clock/clock';
import { startInProcessLab, type InProcessLab } from '../../helpers/inproc-lab';
import { spawn } from 'node:child_process';
import { AWS_CLI } from '../../helpers/clients';
import { removeDir } from '../../helpers/lab';

// §8.3's versioning sidebar and §8.4's Glacier lifecycle through Debian's aws CLI, SDK v3 and aws-sdk v2,
// against a lab in this process whose clock the test steps.
let lab: InProcessLab;
let clock: Clock;
let cliEnv: NodeJS.ProcessEnv;
let work: string;
const HOUR = 3600_000;

beforeAll(async () => {
  clock = createClock({ warp: 0, start: Date.parse('2026-03-02T10:00:00Z') });
  lab = await startInProcessLab({ clock });
  work = mkdtempSync(join(tmpdir(), 'nimbus-s3-vg-'));
  cliEnv = {
      ...process.env,
      AWS_ACCESS_KEY_ID: lab.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: lab.credentials.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
      AWS_CONFIG_FILE: join(work, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(work, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
  };
});

interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}
/** The real CLI, spawned without blocking: the lab answers from this very process. */
function awsCli(args: string[]): Promise<CliResult> {
  return new Promise((ok) => {
    const child = spawn(AWS_CLI, ['--endpoint-url', lab.endpoint, ...args], { env: cliEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => ok({ status: code ?? -1, stdout, stderr }));
  });
}
afterAll(async () => {
  await lab?.stop();
  if (work) removeDir(work);
});

const v3 = () => new S3Client({ endpoint: lab.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: lab.credentials, maxAttempts: 1 });

const json = (r: CliResult) => {
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().startsWith('{') ? (JSON.parse(r.stdout) as Record<string, unknown>) : {};
};

describe('versioning through the real CLI (§8.3 sidebar)', () => {
  it('3 writes and 1 delete: three versions and a delete marker; rb refuses, as AWS', async () => {
    const s3 = v3();
    await s3.send(new CreateBucketCommand({ Bucket: 'vg-versions' }));
    json(await awsCli(['s3api', 'put-bucket-versioning', '--bucket', 'vg-versions', '--versioning-configuration', 'Status=Enabled']));
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: 'vg-versions' }))).Status).toBe('Enabled');
    const ids: string[] = [];
    for (const body of ['one', 'two', 'three']) ids.push((await s3.send(new PutObjectCommand({ Bucket: 'vg-versions', Key: 'f.txt', Body: body }))).VersionId!);
    const del = await s3.send(new DeleteObjectCommand({ Bucket: 'vg-versions', Key: 'f.txt' }));
    expect(del.DeleteMarker).toBe(true);
    const listed = json(await awsCli(['s3api', 'list-object-versions', '--bucket', 'vg-versions']));
    expect((listed.Versions as { VersionId: string }[]).map((v) => v.VersionId)).toEqual(ids.reverse());
    expect(listed.DeleteMarkers).toMatchObject([{ Key: 'f.txt', IsLatest: true, VersionId: del.VersionId }]);


    // The real CLI's rb --force removes current objects only; the versions keep the bucket.
    const rb = await awsCli(['s3', 'rb', '--force', 's3://vg-versions']);
    expect(rb.status).not.toBe(0);
    expect(rb.stderr).toContain('BucketNotEmpty');
  });
});

describe('versioning through SDK v3 and aws-sdk v2', () => {
  it('v3 puts versions and reads one by id; v2 lists them', async () => {
    const s3 = v3();
    await s3.send(new CreateBucketCommand({ Bucket: 'vg-sdk' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'vg-sdk', VersioningConfiguration: { Status: 'Enabled' } }));
    const a = await s3.send(new PutObjectCommand({ Bucket: 'vg-sdk', Key: 'k', Body: 'first' }));
    await s3.send(new PutObjectCommand({ Bucket: 'vg-sdk', Key: 'k', Body: 'second' }));
    const old = await s3.send(new GetObjectCommand({ Bucket: 'vg-sdk', Key: 'k', VersionId: a.VersionId }));
    expect(await old.Body!.transformToString()).toBe('first');
    expect(old.VersionId).toBe(a.VersionId);
    const v3list = await s3.send(new ListObjectVersionsCommand({ Bucket: 'vg-sdk' }));
    expect(v3list.Versions?.map((v) => v.IsLatest)).toEqual([true, false]);

    const v2 = new AWS.S3({ endpoint: lab.endpoint, region: 'us-east-1', s3ForcePathStyle: true, signatureVersion: 'v4', credentials: new AWS.Credentials(lab.credentials), maxRetries: 0 });
    const v2list = await v2.listObjectVersions({ Bucket: 'vg-sdk' }).promise();
    expect(v2list.Versions?.map((v) => v.VersionId)).toEqual(v3list.Versions?.map((v) => v.VersionId));
  });
});

describe('Glacier through a lifecycle rule (§8.4)', () => {
  it('transition after 0 days, InvalidObjectState, restore, x-amz-restore with its expiry', async () => {
    const s3 = v3();
    await s3.send(new CreateBucketCommand({ Bucket: 'vg-glacier' }));
    const rules = { Rules: [{ ID: 'glacier', Status: 'Enabled', Filter: {}, Transitions: [{ Days: 0, StorageClass: 'GLACIER' }] }] };
    json(await awsCli(['s3api', 'put-bucket-lifecycle-configuration', '--bucket', 'vg-glacier', '--lifecycle-configuration', JSON.stringify(rules)]));
    expect(await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'vg-glacier' }))).toMatchObject(rules);
    await s3.send(new PutObjectCommand({ Bucket: 'vg-glacier', Key: 'raw.csv', Body: 'a,b\n1,2\n' }));
    const ls = async () => (await s3.send(new ListObjectsV2Command({ Bucket: 'vg-glacier' }))).Contents![0]!.StorageClass;
    expect(await ls()).toBe('STANDARD');

    clock.advance(24 * HOUR); // past the next midnight UTC
    expect(await ls()).toBe('GLACIER');
    const denied = await awsCli(['s3', 'cp', 's3://vg-glacier/raw.csv', join(work, 'back.csv')]);
    expect(denied.status).not.toBe(0);
    // The real CLI looks at the storage class first and refuses to download, as it does against AWS.
    expect(denied.stderr).toContain('storage class GLACIER');
    await expect(s3.send(new GetObjectCommand({ Bucket: 'vg-glacier', Key: 'raw.csv' }))).rejects.toMatchObject({ name: 'InvalidObjectState', $metadata: { httpStatusCode: 403 } });

    json(await awsCli(['s3api', 'restore-object', '--bucket', 'vg-glacier', '--key', 'raw.csv', '--restore-request', 'Days=2,GlacierJobParameters={Tier=Standard}']));
    await expect(s3.send(new RestoreObjectCommand({ Bucket: 'vg-glacier', Key: 'raw.csv', RestoreRequest: { Days: 2 } }))).rejects.toMatchObject({ name: 'RestoreAlreadyInProgress' });
    expect(await s3.send(new HeadObjectCommand({ Bucket: 'vg-glacier', Key: 'raw.csv' }))).toMatchObject({ StorageClass: 'GLACIER', Restore: 'ongoing-request="true"' });

    clock.advance(5 * HOUR + 1000); // Standard tier: at most 5 hours
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'vg-glacier', Key: 'raw.csv' }));
    expect(head.Restore).toMatch(/^ongoing-request="false", expiry-date="\w{3}, \d\d \w{3} 2026 00:00:00 GMT"$/);
    json(await awsCli(['s3', 'cp', 's3://vg-glacier/raw.csv', join(work, 'back.csv')]));

    // After the expiry the restored copy is gone again.
    clock.advance(4 * 24 * HOUR);
    await expect(s3.send(new GetObjectCommand({ Bucket: 'vg-glacier', Key: 'raw.csv' }))).rejects.toMatchObject({ name: 'InvalidObjectState' });
  });

  it('expiration deletes on the clock; bad rules answer S3 errors (SDK v3)', async () => {
    const s3 = v3();
    await s3.send(new CreateBucketCommand({ Bucket: 'vg-expire' }));
    const rules: BucketLifecycleConfiguration = { Rules: [{ ID: 'tmp', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 1 } }] };
    await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: 'vg-expire', LifecycleConfiguration: rules }));
    for (const Key of ['tmp/x', 'keep/x']) await s3.send(new PutObjectCommand({ Bucket: 'vg-expire', Key, Body: 'x' }));
    clock.advance(2 * 24 * HOUR);
    const keys = (await s3.send(new ListObjectsV2Command({ Bucket: 'vg-expire' }))).Contents!.map((c) => c.Key);
    expect(keys).toEqual(['keep/x']);
    const bad: BucketLifecycleConfiguration = { Rules: [{ ID: 'ia', Status: 'Enabled', Filter: {}, Transitions: [{ Days: 1, StorageClass: 'STANDARD_IA' }] }] };
    await expect(s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: 'vg-expire', LifecycleConfiguration: bad }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: "'Days' in Transition action must be greater than or equal to 30 for storageClass 'STANDARD_IA'",
    });
    await s3.send(new DeleteBucketLifecycleCommand({ Bucket: 'vg-expire' }));
    await expect(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'vg-expire' }))).rejects.toMatchObject({ name: 'NoSuchLifecycleConfiguration' });
  });
});

describe('ACLs and Block Public Access over the wire', () => {
  it('--acl public-read shows in GetObjectAcl (aws-sdk v2); a public policy under BlockPublicPolicy is AccessDenied (SDK v3)', async () => {
    const s3 = v3();
    await s3.send(new CreateBucketCommand({ Bucket: 'vg-acl' }));
    const v2 = new AWS.S3({ endpoint: lab.endpoint, region: 'us-east-1', s3ForcePathStyle: true, signatureVersion: 'v4', credentials: new AWS.Credentials(lab.credentials), maxRetries: 0 });
    await v2.putObject({ Bucket: 'vg-acl', Key: 'img.png', Body: 'png', ACL: 'public-read' }).promise();
    const acl = await v2.getObjectAcl({ Bucket: 'vg-acl', Key: 'img.png' }).promise();
    expect(acl.Grants?.map((g) => [g.Grantee?.Type, g.Grantee?.URI, g.Permission])).toEqual([
      ['CanonicalUser', undefined, 'FULL_CONTROL'],
      ['Group', 'http://acs.amazonaws.com/groups/global/AllUsers', 'READ'],
    ]);
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'vg-acl', PublicAccessBlockConfiguration: { BlockPublicPolicy: true } }));
    const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::vg-acl/*' }] });
    await expect(s3.send(new PutBucketPolicyCommand({ Bucket: 'vg-acl', Policy }))).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });
});
