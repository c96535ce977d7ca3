/** `aws sqs` inside an instance with a role (chapter 17's load test) and in the workstation. */
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { GuestShell } from '../../../../src-main/engine/guest/session';

let engine: Engine | undefined;
afterEach(() => engine?.close());

const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('aws sqs inside guests', () => {
  it('an instance role with SQS permissions sends and receives; without them it is denied', async () => {
    engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 10, 26, 20, 0, 0) }) });
    const root = engine.account.root;
    const call = (svc: string, op: string, input: Record<string, unknown>) => engine!.call(root, svc, op, input, { region: 'us-east-1' }) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const url = String((await call('sqs', 'CreateQueue', { QueueName: 'load' })).QueueUrl);
    await call('iam', 'CreateRole', { RoleName: 'worker', AssumeRolePolicyDocument: trust });
    await call('iam', 'PutRolePolicy', {
      RoleName: 'worker',
      PolicyName: 'sqs',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:GetQueueUrl'], Resource: '*' }] }),
    });
    await call('iam', 'CreateInstanceProfile', { InstanceProfileName: 'worker' });
    await call('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'worker', RoleName: 'worker' });
    const run = (await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: 'worker' } })) as { Instances: { InstanceId: string }[] };
    engine.clock.advance(120_000);
    const g = await engine.terminals.guest(run.Instances[0]!.InstanceId);
    const sh = new GuestShell(g!, g!.user('ec2-user')!);
    const sent = await sh.exec(`aws sqs send-message --region us-east-1 --queue-url ${url} --message-body "load test" --query MD5OfMessageBody --output text`);
    expect(sent).toEqual({ stdout: '76e5abdae9130412ac344bfbe538a463\n', stderr: '', exitCode: 0 });
    const got = await sh.exec(`aws sqs receive-message --region us-east-1 --queue-url ${url} --query "Messages[0].Body" --output text`);
    expect(got).toEqual({ stdout: 'load test\n', stderr: '', exitCode: 0 });
    const denied = await sh.exec(`aws sqs purge-queue --region us-east-1 --queue-url ${url}`);
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain('AccessDenied');
  });
});
