/**
 * Least privilege through the wire, with Debian's AWS CLI v2 and the SDKs (v2 for IAM/EC2, v3 for
 * S3/STS): the root user makes `mycli` with read-only EC2 rights; its keys describe but cannot
 * launch or list buckets; a bucket policy opens one prefix; AssumeRole with a trust policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { awsCli, type CliResult } from '../../helpers/clients';
import { removeDir, startLab, type RunningLab } from '../../helpers/lab';

let lab: RunningLab;
let accountId: string;
let mycli: { accessKeyId: string; secretAccessKey: string };
const BUCKET = 'awsinaction-least-privilege';

const cliAs = (creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, args: string[]): CliResult => {
  const saved = lab.cliEnv;
  lab.cliEnv = { ...saved, AWS_ACCESS_KEY_ID: creds.accessKeyId, AWS_SECRET_ACCESS_KEY: creds.secretAccessKey, AWS_SESSION_TOKEN: creds.sessionToken ?? '' };
  try {
    return awsCli(lab, args);
  } finally {
    lab.cliEnv = saved;
  }
};
const json = <T>(r: CliResult): T => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as T;
};

beforeAll(async () => {
  lab = await startLab();
  accountId = json<{ Account: string }>(awsCli(lab, ['sts', 'get-caller-identity'])).Account;
  json(awsCli(lab, ['iam', 'create-user', '--user-name', 'mycli']));
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] });
  expect(awsCli(lab, ['iam', 'put-user-policy', '--user-name', 'mycli', '--policy-name', 'ec2-read', '--policy-document', policy]).status).toBe(0);
  const key = json<{ AccessKey: { AccessKeyId: string; SecretAccessKey: string } }>(awsCli(lab, ['iam', 'create-access-key', '--user-name', 'mycli']));
  mycli = { accessKeyId: key.AccessKey.AccessKeyId, secretAccessKey: key.AccessKey.SecretAccessKey };
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
});

describe('mycli with ec2:Describe* only', () => {
  it('is who it says (CLI)', () => {
    expect(json<{ Arn: string }>(cliAs(mycli, ['sts', 'get-caller-identity'])).Arn).toBe(`arn:aws:iam::${accountId}:user/mycli`);
  });

  it('can describe regions (CLI and SDK v2)', async () => {
    const regions = json<{ Regions: { RegionName: string }[] }>(cliAs(mycli, ['ec2', 'describe-regions']));
    expect(regions.Regions.map((r) => r.RegionName)).toContain('us-east-1');
    const ec2 = new AWS.EC2({ endpoint: lab.endpoint, region: 'us-east-1', credentials: new AWS.Credentials(mycli.accessKeyId, mycli.secretAccessKey), maxRetries: 0 });
    expect((await ec2.describeRegions().promise()).Regions!.length).toBeGreaterThan(0);
  });

  it('cannot run instances: UnauthorizedOperation', async () => {
    const r = cliAs(mycli, ['ec2', 'run-instances', '--image-id', 'ami-6057e21a', '--instance-type', 't2.micro']);
    expect(r.status).toBe(254);
    expect(r.stderr).toContain(
      `An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. User: arn:aws:iam::${accountId}:user/mycli is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:${accountId}:instance/* because no identity-based policy allows the ec2:RunInstances action. Encoded authorization failure message: `,
    );
    const ec2 = new AWS.EC2({ endpoint: lab.endpoint, region: 'us-east-1', credentials: new AWS.Credentials(mycli.accessKeyId, mycli.secretAccessKey), maxRetries: 0 });
    const err = await ec2.terminateInstances({ InstanceIds: ['i-0123456789abcdef0'] }).promise().catch((e: AWS.AWSError) => e);
    expect({ code: (err as AWS.AWSError).code, status: (err as AWS.AWSError).statusCode }).toEqual({ code: 'UnauthorizedOperation', status: 403 });
  });

  it('cannot list buckets: AccessDenied', () => {
    const r = cliAs(mycli, ['s3api', 'list-buckets']);
    expect(r.status).toBe(254);
    expect(r.stderr.trim()).toBe(
      `An error occurred (AccessDenied) when calling the ListBuckets operation: User: arn:aws:iam::${accountId}:user/mycli is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action`,
    );
  });
});

describe('a bucket policy opens one prefix', () => {
  let s3: S3Client;
  beforeAll(() => {
    json(awsCli(lab, ['s3api', 'create-bucket', '--bucket', BUCKET]));
    for (const key of ['public/readme.txt', 'private/secret.txt']) {
      expect(awsCli(lab, ['s3api', 'put-object', '--bucket', BUCKET, '--key', key, '--body', '/etc/hostname']).status).toBe(0);
    }
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:user/mycli` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/public/*` },
        {
          Sid: 'List',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:user/mycli` },
          Action: 's3:ListBucket',
          Resource: `arn:aws:s3:::${BUCKET}`,
          Condition: { StringLike: { 's3:prefix': 'public/*' } },
        },
      ],
    };
    const put = awsCli(lab, ['s3api', 'put-bucket-policy', '--bucket', BUCKET, '--policy', JSON.stringify(policy)]);
    expect(put.stderr).toBe('');
    expect(JSON.parse(json<{ Policy: string }>(awsCli(lab, ['s3api', 'get-bucket-policy', '--bucket', BUCKET])).Policy)).toEqual(policy);
    s3 = new S3Client({ endpoint: lab.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: mycli, maxAttempts: 1 });
  });

  it('reads and lists under public/ (SDK v3)', async () => {
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'public/readme.txt' }));
    expect(got.$metadata.httpStatusCode).toBe(200);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/' }));
    expect(listed.Contents!.map((c) => c.Key)).toEqual(['public/readme.txt']);
  });

  it('nothing else: other prefix, listing all, writing', async () => {
    for (const cmd of [
      new GetObjectCommand({ Bucket: BUCKET, Key: 'private/secret.txt' }),
      new ListObjectsV2Command({ Bucket: BUCKET }),
      new PutObjectCommand({ Bucket: BUCKET, Key: 'public/new.txt', Body: 'x' }),
    ]) {
      const err = (await s3.send(cmd as never).catch((e: unknown) => e)) as { name: string; $metadata: { httpStatusCode: number } };
      expect({ name: err.name, status: err.$metadata.httpStatusCode }).toEqual({ name: 'AccessDenied', status: 403 });
    }
    const r = cliAs(mycli, ['s3api', 'get-object', '--bucket', BUCKET, '--key', 'private/secret.txt', '/dev/null']);
    expect(r.stderr.trim()).toBe(
      `An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::${accountId}:user/mycli is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::${BUCKET}/private/secret.txt because no identity-based policy allows the s3:GetObject action`,
    );
  });
});

describe('roles, limits and errors', () => {
  it('AssumeRole with a trust policy naming mycli (SDK v3), then acts as the role', async () => {
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:user/mycli` }, Action: 'sts:AssumeRole' }] });
    json(awsCli(lab, ['iam', 'create-role', '--role-name', 'bucket-reader', '--assume-role-policy-document', trust]));
    expect(awsCli(lab, ['iam', 'attach-role-policy', '--role-name', 'bucket-reader', '--policy-arn', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']).status).toBe(0);
    const sts = new STSClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: mycli, maxAttempts: 1 });
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/bucket-reader`, RoleSessionName: 'demo' }));
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/bucket-reader/demo`);
    const c = out.Credentials!;
    const creds = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
    const who = await new STSClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: creds, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/bucket-reader/demo`);
    const buckets = json<{ Buckets: { Name: string }[] }>(cliAs(creds, ['s3api', 'list-buckets']));
    expect(buckets.Buckets.map((b) => b.Name)).toEqual([BUCKET]);
  });

  it('a third access key: LimitExceeded', () => {
    json(awsCli(lab, ['iam', 'create-access-key', '--user-name', 'mycli']));
    const r = awsCli(lab, ['iam', 'create-access-key', '--user-name', 'mycli']);
    expect(r.status).toBe(254);
    expect(r.stderr.trim()).toBe('An error occurred (LimitExceeded) when calling the CreateAccessKey operation: Cannot exceed quota for AccessKeysPerUser: 2');
  });

  it('malformed policy JSON: MalformedPolicyDocument (SDK v2 and CLI)', async () => {
    const iam = new AWS.IAM({ endpoint: lab.endpoint, region: 'us-east-1', credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey), maxRetries: 0 });
    const err = (await iam.createPolicy({ PolicyName: 'broken', PolicyDocument: '{"Version": "2012-10-17", "Statement": [' }).promise().catch((e: unknown) => e)) as AWS.AWSError;
    expect({ code: err.code, message: err.message, status: err.statusCode }).toEqual({ code: 'MalformedPolicyDocument', message: 'Syntax errors in policy.', status: 400 });
    const r = awsCli(lab, ['iam', 'put-user-policy', '--user-name', 'mycli', '--policy-name', 'x', '--policy-document', '{"Statement": "oops"}']);
    expect(r.stderr.trim()).toBe('An error occurred (MalformedPolicyDocument) when calling the PutUserPolicy operation: Policy document must be version 2012-10-17 or greater.');
  });

  it('GetUser as mycli is denied; as root it names the user (CLI --query)', () => {
    const r = awsCli(lab, ['iam', 'get-user', '--user-name', 'mycli', '--query', 'User.Arn', '--output', 'text']);
    expect(r.stdout.trim()).toBe(`arn:aws:iam::${accountId}:user/mycli`);
    const denied = cliAs(mycli, ['iam', 'get-user']);
    expect(denied.stderr.trim()).toBe(
      `An error occurred (AccessDenied) when calling the GetUser operation: User: arn:aws:iam::${accountId}:user/mycli is not authorized to perform: iam:GetUser on resource: arn:aws:iam::${accountId}:user/mycli because no identity-based policy allows the iam:GetUser action`,
    );
  });
});
