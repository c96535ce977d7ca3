/**
 * The `aws` command as the book types it in the lab's shells: --version, cloudformation deploy of a
 * new stack, get-console-output as text, create-virtual-mfa-device --outfile, and help pages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/index';
import { createClock } from '../../../src-main/engine/clock/clock';
import { runAwsCli } from '../../../src-main/engine/cli';
import { memoryHost, type MemoryHost } from './memory-host';

const clock = createClock({ warp: 0 });
const engine = createEngine({ clock });
afterAll(() => {
  engine.close();
  clock.dispose();
});

async function aws(args: string[], prepare?: (h: MemoryHost) => void) {
  const host = memoryHost({
    call: engine.call,
    lookup: (id) => engine.lookupAccessKey(id),
    env: { AWS_ACCESS_KEY_ID: engine.account.rootAccessKeyId, AWS_SECRET_ACCESS_KEY: engine.account.rootSecretAccessKey, AWS_DEFAULT_REGION: 'us-east-1' },
    now: () => clock.now(),
  });
  host.sleep = async (ms) => void clock.advance(ms);
  prepare?.(host);
  const status = await runAwsCli(args, host);
  return { status, stdout: host.out, stderr: host.err, host };
}

describe('aws in the lab\'s shells', () => {
  it('--version prints a CLI v2 line', async () => {
    const r = await aws(['--version']);
    expect(r.stdout).toMatch(/^aws-cli\/2\.\d+\.\d+ Python\/3\.\d+\.\d+ Linux\/\S+ exe\/x86_64\S* prompt\/off\n$/);
  });

  it('cloudformation deploy creates a new stack whose parameters keep their defaults', async () => {
    const template = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  BucketSuffix:
    Type: String
    Default: deploy-test
  Extra:
    Type: String
    Default: x
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub 'nimbus-\${BucketSuffix}'
`;
    const r = await aws(['cloudformation', 'deploy', '--template-file', 'stack.yaml', '--stack-name', 'deploy-new', '--parameter-overrides', 'Extra=y'], (h) => h.fs.seed('/home/learner', { 'stack.yaml': template }, 0));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('\nWaiting for changeset to be created..\nWaiting for stack create/update to complete\nSuccessfully created/updated stack - deploy-new\n');
    const b = await aws(['s3api', 'head-bucket', '--bucket', 'nimbus-deploy-test']);
    expect(b.status).toBe(0);
    const again = await aws(['cloudformation', 'deploy', '--template-file', 'stack.yaml', '--stack-name', 'deploy-new'], (h) => h.fs.seed('/home/learner', { 'stack.yaml': template }, 0));
    expect(again.stdout).toContain('No changes to deploy. Stack deploy-new is up to date');
  });

  it('ec2 get-console-output prints the log as text, not base64', async () => {
    const ami = (await aws(['ec2', 'describe-images', '--query', 'Images[0].ImageId', '--output', 'text'])).stdout.trim();
    const id = (await aws(['ec2', 'run-instances', '--image-id', ami, '--instance-type', 't2.micro', '--query', 'Instances[0].InstanceId', '--output', 'text'])).stdout.trim();
    await aws(['ec2', 'wait', 'instance-running', '--instance-ids', id]);
    clock.advance(120_000);
    const r = await aws(['ec2', 'get-console-output', '--instance-id', id]);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { InstanceId: string; Output?: string };
    expect(out.InstanceId).toBe(id);
    expect(out.Output).toMatch(/^\[ {4}0\.000000\] Linux version /);
    const text = await aws(['ec2', 'get-console-output', '--instance-id', id, '--query', 'Output', '--output', 'text']);
    expect(text.stdout).toBe(`${out.Output}\n`);
  });

  it('iam create-virtual-mfa-device writes a QR code PNG or the base32 seed to --outfile', async () => {
    const png = await aws(['iam', 'create-virtual-mfa-device', '--virtual-mfa-device-name', 'learner-phone', '--outfile', 'qr.png', '--bootstrap-method', 'QRCodePNG']);
    expect(png.stderr).toBe('');
    expect(JSON.parse(png.stdout)).toEqual({ VirtualMFADevice: { SerialNumber: `arn:aws:iam::${engine.account.accountId}:mfa/learner-phone` } });
    const file = Buffer.from(await png.host.fs.readFile('/home/learner/qr.png'));
    expect(file.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(file.readUInt32BE(16)).toBe(file.readUInt32BE(20));
    expect(file.readUInt32BE(16)).toBeGreaterThanOrEqual(100);
    const seed = await aws(['iam', 'create-virtual-mfa-device', '--virtual-mfa-device-name', 'second', '--outfile', 'seed.txt', '--bootstrap-method', 'Base32StringSeed']);
    expect(Buffer.from(await seed.host.fs.readFile('/home/learner/seed.txt')).toString('ascii')).toMatch(/^[A-Z2-7]{16,}=*$/);
    const bad = await aws(['iam', 'create-virtual-mfa-device', '--virtual-mfa-device-name', 'third', '--outfile', 'x', '--bootstrap-method', 'SMS']);
    expect(bad.status).toBe(252);
    expect(bad.stderr).toContain('Invalid choice, valid choices are:');
    const missing = await aws(['iam', 'create-virtual-mfa-device', '--virtual-mfa-device-name', 'fourth']);
    expect(missing.stderr).toContain('the following arguments are required: --outfile, --bootstrap-method');
  });

  it('help pages read like the real CLI\'s man pages: plain text, no markup', async () => {
    const top = await aws(['help']);
    expect(top.stdout.startsWith(`AWS()${' '.repeat(68)}AWS()\n\n\n\nNAME\n       aws -\n\nDESCRIPTION\n`)).toBe(true);
    expect(top.stdout).toMatch(/\nAVAILABLE SERVICES\n {7}o [\w-]+\n\n/);
    expect(top.stdout).toContain('\n       o configure\n\n');
    expect(top.stdout).not.toMatch(/\^\^\^|\*\*|``/);
    const ec2 = await aws(['ec2', 'help']);
    expect(ec2.stdout).toMatch(/\nAVAILABLE COMMANDS\n {7}o accept-[a-z-]+\n\n/);
    expect(ec2.stdout).toContain('\n       o describe-instances\n\n');
    const op = await aws(['ec2', 'describe-instances', 'help']);
    expect(op.stdout).toContain('SYNOPSIS\n            describe-instances\n          [--filters <value>]\n');
    expect(op.stdout).toContain('OPTIONS\n       --filters (list)\n          Optional.');
    for (const t of [top, ec2, op]) for (const line of t.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});
