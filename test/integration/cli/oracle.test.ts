/**
 * The oracle: every command runs twice against the same in-process engine, once through Debian's real
 * AWS CLI v2 over the HTTP endpoint and once through runAwsCli with an in-memory host, and stdout,
 * stderr and the exit status must match (timestamps masked; resource names differ by a suffix). The
 * harness is ./oracle-lab.ts; the book's commands per service are in oracle-{ec2,iam,cloudformation,s3}.
 */
import { describe, expect, it } from 'vitest';
import { useOracle, FORMATS } from './oracle-lab';

const FILES: Record<string, string> = { 'd/a.txt': 'hello\n', 'd/sub/b.txt': 'world\n', 'policy.json': '{"Version": "2012-10-17"}' };
const { compare, real, ours } = useOracle(FILES);

describe('sts', () => {
  for (const f of FORMATS) it(`get-caller-identity --output ${f}`, () => compare(() => ['sts', 'get-caller-identity', '--output', f]));
  it('--query Account --output text', () => compare(() => ['sts', 'get-caller-identity', '--query', 'Account', '--output', 'text']));
  it('an unknown access key', () => compare(() => ['sts', 'get-caller-identity'], { env: { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE' } }));
});

describe('s3 and s3api, one bucket through its life', () => {
  const bucket = (s: string) => `oracle-${s}`;
  it('mb, cp, sync, ls, list-objects-v2 in every format, head/get-object, cp --recursive, rm, rb', async () => {
    await compare((s) => ['s3', 'mb', `s3://${bucket(s)}`]);
    await compare((s) => ['s3', 'cp', 'd/a.txt', `s3://${bucket(s)}/`, '--no-progress']);
    await compare((s) => ['s3', 'sync', 'd', `s3://${bucket(s)}/backup`, '--no-progress'], { sort: true });
    await compare((s) => ['s3', 'ls', `s3://${bucket(s)}`]);
    await compare((s) => ['s3', 'ls', `s3://${bucket(s)}`, '--recursive', '--human-readable', '--summarize']);
    await compare((s) => ['s3', 'ls', `s3://${bucket(s)}/backup/`]);
    for (const f of FORMATS) await compare((s) => ['s3api', 'list-objects-v2', '--bucket', bucket(s), '--output', f]);
    await compare((s) => ['s3api', 'list-objects-v2', '--bucket', bucket(s), '--max-keys', '1']);
    await compare((s) => ['s3api', 'list-objects-v2', '--bucket', bucket(s), '--max-items', '1']);
    await compare((s) => ['s3api', 'list-objects-v2', '--bucket', bucket(s), '--query', 'Contents[].Key', '--output', 'text']);
    await compare((s) => ['s3api', 'list-objects', '--bucket', bucket(s), '--prefix', 'backup/', '--delimiter', '/']);
    await compare((s) => ['s3api', 'head-object', '--bucket', bucket(s), '--key', 'a.txt']);
    await compare((s) => ['s3api', 'head-object', '--bucket', bucket(s), '--key', 'nope.txt']);
    await compare((s) => ['s3api', 'get-object', '--bucket', bucket(s), '--key', 'a.txt', `out-${s}.txt`]);
    await compare((s) => ['s3api', 'put-object', '--bucket', bucket(s), '--key', 'p.json', '--body', 'policy.json']);
    await compare((s) => ['s3', 'cp', `s3://${bucket(s)}/backup`, `restore-${s}`, '--recursive', '--no-progress'], { sort: true });
    await compare((s) => ['s3', 'cp', `s3://${bucket(s)}/missing.txt`, '.']);
    await compare((s) => ['s3', 'rb', `s3://${bucket(s)}`]);
    await compare((s) => ['s3', 'rm', `s3://${bucket(s)}`, '--recursive'], { sort: true });
    await compare((s) => ['s3', 'rb', `s3://${bucket(s)}`]);
  }, 120_000);
});

describe('errors', () => {
  it('a bucket that does not exist', () => compare((s) => ['s3api', 'list-objects-v2', '--bucket', `nob-${s}`]));
  it('s3 ls of a bucket that does not exist', () => compare((s) => ['s3', 'ls', `s3://nob-${s}`]));
  it('a missing required argument', () => compare(() => ['s3api', 'get-object', '--bucket', 'x']));
  it('an unknown option', () => compare(() => ['s3api', 'list-buckets', '--foo', 'bar']));
  it('shorthand that does not fit the model', () => compare(() => ['s3api', 'put-bucket-versioning', '--bucket', 'x', '--versioning-configuration', 'Status=Enabled,Foo']));
  it('bad shorthand syntax', () => compare(() => ['s3api', 'put-bucket-versioning', '--bucket', 'x', '--versioning-configuration', 'Status']));
  it('an integer that is not one', () => compare(() => ['s3api', 'list-objects-v2', '--bucket', 'x', '--max-keys', 'abc']));
  it('a bad --query', () => compare(() => ['s3api', 'list-buckets', '--query', 'Buckets[']));
  it('a bad --output', () => compare(() => ['s3api', 'list-buckets', '--output', 'foo']));
  it('no credentials at all', () => compare(() => ['sts', 'get-caller-identity'], { env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' } }));
  it('a missing local file', () => compare((s) => ['s3', 'cp', `nofile-${s}`, 's3://x/']));
  it('invalid choice suggests the closest names (the choice list itself follows our newer models)', async () => {
    const r = await real(['s3api', 'list-bucket']);
    const o = await ours(['s3api', 'list-bucket']);
    expect(o.status).toBe(r.status);
    const tail = (t: string) => t.slice(t.indexOf('Invalid choice:'));
    expect(tail(o.stderr)).toBe(tail(r.stderr));
    expect(o.stderr.slice(0, 300)).toBe(r.stderr.slice(0, 300));
  });
});

describe('ec2', () => {
  for (const f of FORMATS) it(`describe-regions --output ${f}`, () => compare(() => ['ec2', 'describe-regions', '--output', f]));
  it('describe-availability-zones --region ap-southeast-2', () => compare(() => ['ec2', 'describe-availability-zones', '--region', 'ap-southeast-2']));
  it('describe-vpcs with the book\'s filter spelling', () => compare(() => ['ec2', 'describe-vpcs', '--filter', 'Name=isDefault, Values=true', '--query', 'Vpcs[0].VpcId', '--output', 'text']));
  it('describe-vpcs', () => compare(() => ['ec2', 'describe-vpcs']));
  it('describe-subnets --filters', async () => {
    const vpc = (await ours(['ec2', 'describe-vpcs', '--query', 'Vpcs[0].VpcId', '--output', 'text'])).stdout.trim();
    await compare(() => ['ec2', 'describe-subnets', '--filters', `Name=vpc-id, Values=${vpc}`, '--query', 'Subnets[0].SubnetId', '--output', 'text']);
  });
  it('describe-images with a name filter', () =>
    compare(() => ['ec2', 'describe-images', '--filters', 'Name=name,Values=amzn-ami-hvm-2017.09.1.*-x86_64-gp2', '--query', 'Images[0].ImageId', '--output', 'text']));
  it('describe-instances with no instances', () => compare(() => ['ec2', 'describe-instances', '--filters', 'Name=instance-type,Values=t2.micro']));
});

describe('iam', () => {
  it('create-group, attach-group-policy, create-user, add-user-to-group', async () => {
    await compare((s) => ['iam', 'create-group', '--group-name', `admin-${s}`]);
    await compare((s) => ['iam', 'attach-group-policy', '--group-name', `admin-${s}`, '--policy-arn', 'arn:aws:iam::aws:policy/AdministratorAccess']);
    await compare((s) => ['iam', 'create-user', '--user-name', `myuser-${s}`]);
    await compare((s) => ['iam', 'add-user-to-group', '--group-name', `admin-${s}`, '--user-name', `myuser-${s}`]);
    await compare((s) => ['iam', 'get-user', '--user-name', `myuser-${s}`, '--query', 'User.Arn', '--output', 'text']);
  }, 60_000);
});
