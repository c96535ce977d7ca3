/** The composition (engine/terminals.ts) with the real engine: EC2 boots guests, IAM roles reach the metadata service, `aws` works inside. */
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src-main/engine';
import { createClock } from '../../../src-main/engine/clock/clock';
import { GuestShell } from '../../../src-main/engine/guest/session';

let engine: Engine | undefined;
afterEach(() => engine?.close());

const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('guests in the engine', () => {
  it('the workstation runs the lab’s aws CLI with the learner’s ~/.aws', async () => {
    engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 10, 26, 20, 0, 0) }) });
    const ws = await engine.terminals.workstation();
    const sh = new GuestShell(ws, ws.user('learner')!);
    expect(await sh.exec('aws sts get-caller-identity')).toEqual({ stdout: '', stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n', exitCode: 253 });
    const { rootAccessKeyId: id, rootSecretAccessKey: secret, accountId } = engine.account;
    await sh.exec(`printf '[default]\\naws_access_key_id = ${id}\\naws_secret_access_key = ${secret}\\n' > ~/.aws/credentials; printf '[default]\\nregion = us-east-1\\n' > ~/.aws/config`);
    expect(await sh.exec('aws sts get-caller-identity --query Account --output text')).toEqual({ stdout: `${accountId}\n`, stderr: '', exitCode: 0 });
  });

  it('an instance with a role gets credentials from 169.254.169.254 and uses them', async () => {
    engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 10, 26, 20, 0, 0) }) });
    const root = engine.account.root;
    const call = (svc: string, op: string, input: Record<string, unknown>) => engine!.call(root, svc, op, input, { region: 'us-east-1' });
    await call('iam', 'CreateRole', { RoleName: 'ec2-reader', AssumeRolePolicyDocument: trust });
    await call('iam', 'AttachRolePolicy', { RoleName: 'ec2-reader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess' });
    await call('iam', 'CreateInstanceProfile', { InstanceProfileName: 'ec2-reader' });
    await call('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'ec2-reader', RoleName: 'ec2-reader' });
    const run = (await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: 'ec2-reader' } })) as { Instances: { InstanceId: string }[] };
    const id = run.Instances[0]!.InstanceId;
    engine.clock.advance(120_000);
    const g = await engine.terminals.guest(id);
    expect(g?.state).toBe('running');
    const sh = new GuestShell(g!, g!.user('ec2-user')!);
    expect((await sh.exec('curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/')).stdout).toBe('ec2-reader');
    expect(await sh.exec('aws ec2 describe-instances --region us-east-1 --query "Reservations[].Instances[].InstanceId" --output text')).toEqual({ stdout: `${id}\n`, stderr: '', exitCode: 0 });
    const denied = await sh.exec(`aws ec2 stop-instances --region us-east-1 --instance-ids ${id}`);
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain('UnauthorizedOperation');
    const con = (await call('ec2', 'GetConsoleOutput', { InstanceId: id })) as { Output?: string };
    expect(Buffer.from(con.Output ?? '', 'base64').toString()).toContain(' login: ');
  });

  it('shutdown inside the instance stops it through EC2', async () => {
    engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 10, 26, 20, 0, 0) }) });
    const root = engine.account.root;
    const run = (await engine.call(root, 'ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 }, { region: 'us-east-1' })) as { Instances: { InstanceId: string }[] };
    const id = run.Instances[0]!.InstanceId;
    engine.clock.advance(120_000);
    const g = await engine.terminals.guest(id);
    const sh = new GuestShell(g!, g!.user('ec2-user')!);
    await sh.exec('sudo shutdown -h now');
    await new Promise((r) => setTimeout(r, 20));
    engine.clock.advance(120_000);
    const d = (await engine.call(root, 'ec2', 'DescribeInstances', { InstanceIds: [id] }, { region: 'us-east-1' })) as { Reservations: { Instances: { State: { Name: string } }[] }[] };
    expect(d.Reservations[0]!.Instances[0]!.State.Name).toBe('stopped');
    expect(g!.state).toBe('stopped');
  });
});
