/**
 * Chapter 4's SDK step (§4.3) sees what a program on the learner's computer did through the lab's
 * endpoint with mycli's key, and nothing less: a User-Agent header alone, or a program signing with
 * the root key, does not pass. "Show me" runs the lab's nodecc-shaped program (aws-sdk v2) the way
 * `nimbus exec` runs it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { createClock } from '../../../src-main/engine/clock/clock';
import { labsFor } from '../../../src-main/engine/contract-host';
import { startInProcessLab, type InProcessLab } from '../../helpers/inproc-lab';

let lab: InProcessLab | undefined;
afterEach(async () => {
  if (lab) labsFor(lab.engine).dispose();
  await lab?.stop();
  lab = undefined;
});

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

async function open(): Promise<InProcessLab> {
  lab = await startInProcessLab({ clock: createClock({ warp: 0, start: Date.parse('2026-03-01T09:00:00Z') }) });
  labsFor(lab.engine, { recheckDelayMs: 0 });
  return lab;
}

const sdkStep = async (l: InProcessLab) => (await labsFor(l.engine).evaluate(4)).steps.find((s) => s.id === 'sdk')!;

function ec2For(l: InProcessLab, credentials: { accessKeyId: string; secretAccessKey: string }): AWS.EC2 {
  return new AWS.EC2({ endpoint: l.endpoint, region: 'us-east-1', credentials: new AWS.Credentials(credentials) });
}

async function launchAndTerminate(ec2: AWS.EC2): Promise<string> {
  const images = await ec2.describeImages({ Filters: [{ Name: 'name', Values: ['amzn-ami-hvm-2017.09.1.*-x86_64-gp2'] }] }).promise();
  const run = await ec2.runInstances({ ImageId: images.Images![0]!.ImageId!, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 }).promise();
  const id = run.Instances![0]!.InstanceId!;
  await ec2.terminateInstances({ InstanceIds: [id] }).promise();
  return id;
}

describe('chapter 4: machines from a Node.js program', () => {
  it('does not pass on an SDK user agent alone, nor on a program signed with the root key', async () => {
    const l = await open();
    await labsFor(l.engine).start(4);
    // What "Show me" used to do: the engine called directly with an SDK's user agent.
    const fake = (op: string, input: Record<string, unknown>) =>
      l.engine.call(l.engine.account.root, 'ec2', op, input, { source: 'api', region: 'us-east-1', userAgent: 'aws-sdk-nodejs/2 nimbus-lab-show-me' });
    const images = (await fake('DescribeImages', { Filters: [{ Name: 'name', Values: ['amzn-ami-hvm-2017.09.1.*-x86_64-gp2'] }] })).Images as { ImageId: string }[];
    const run = (await fake('RunInstances', { ImageId: images[0]!.ImageId, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 })).Instances as { InstanceId: string }[];
    await fake('TerminateInstances', { InstanceIds: [run[0]!.InstanceId] });
    expect(await sdkStep(l)).toMatchObject({ status: 'failed', detail: "A program created a machine, but signed as arn:aws:iam::" + l.engine.account.accountId + ":root; run it with mycli's access key." });
    // A real SDK program, but with the lab's root key (what nimbus exec hands out by default).
    await launchAndTerminate(ec2For(l, l.credentials));
    expect((await sdkStep(l)).status).toBe('failed');
  });

  it('passes when a program signed with mycli\'s key creates and terminates a machine', async () => {
    const l = await open();
    await labsFor(l.engine).start(4);
    const root = (op: string, input: Record<string, unknown>) => l.engine.call(l.engine.account.root, 'iam', op, input, { source: 'cli' });
    await root('CreateUser', { UserName: 'mycli' });
    await root('AttachUserPolicy', { UserName: 'mycli', PolicyArn: ADMIN });
    const key = (await root('CreateAccessKey', { UserName: 'mycli' })).AccessKey as { AccessKeyId: string; SecretAccessKey: string };
    const ec2 = ec2For(l, { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey });
    const images = await ec2.describeImages({ Filters: [{ Name: 'name', Values: ['amzn-ami-hvm-2017.09.1.*-x86_64-gp2'] }] }).promise();
    await ec2.runInstances({ ImageId: images.Images![0]!.ImageId!, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 }).promise();
    expect(await sdkStep(l)).toMatchObject({ status: 'failed', detail: 'Your program created a machine; terminate it with the program too.' });
    await launchAndTerminate(ec2);
    expect(await sdkStep(l)).toMatchObject({ status: 'passed', detail: expect.stringMatching(/^Your program \(aws-sdk-nodejs\/2\.\d+\.\d+\) created and terminated a machine as mycli\.$/) });
  });

  it('"Show me" runs the lab\'s nodecc program with mycli\'s key from aws configure', async () => {
    const l = await open();
    const labs = labsFor(l.engine);
    await labs.start(4);
    await labs.solveStep(4, 'cli-user');
    await labs.solveStep(4, 'configure');
    const s = (await labs.solveStep(4, 'sdk')).steps.find((x) => x.id === 'sdk')!;
    expect(s).toMatchObject({ status: 'passed', solvedByLab: true });
    l.engine.flushEvents();
    const rows = l.engine.store
      .stmt(`SELECT operation, source, principal_arn, user_agent FROM events WHERE operation IN ('RunInstances', 'TerminateInstances') ORDER BY id`)
      .all() as { operation: string; source: string; principal_arn: string; user_agent: string }[];
    expect(rows.map((r) => [r.operation, r.source, r.principal_arn.replace(/\d{12}/, 'ACCOUNT')])).toEqual([
      ['RunInstances', 'api', 'arn:aws:iam::ACCOUNT:user/mycli'],
      ['TerminateInstances', 'api', 'arn:aws:iam::ACCOUNT:user/mycli'],
    ]);
    expect(rows[0]!.user_agent).toMatch(/^aws-sdk-nodejs\/2\./);
  });
});
