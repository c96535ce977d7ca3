/**
 * What a review of the first chapters found, each pinned by a test that failed before the fix:
 * checks that passed on too little (opening the console, installing without running, any stop
 * signed by any role), errors swallowed as "not there yet", a chapter reported complete while
 * steps wait for the lab, and progress lost when the book has the learner delete what a step built.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsError } from '../../../src-main/engine/protocol/errors';
import { ifExists } from '../../../src-main/engine/labs/cloud';
import { labMachines } from '../../../src-main/engine/contract-host/lab-machines';
import { createLabs } from '../../../src-main/engine/labs/runtime';
import { passed, type ChapterDefinition, type LabDeps } from '../../../src-main/engine/labs/types';
import { progressSummary } from '../../../src-main/contract/labs';
import { openLab, runningInstance, stepOf, ubuntuImage, type TestLab } from './helpers';

let lab: TestLab;
beforeEach(() => {
  lab = openLab();
});
afterEach(() => lab.close());

async function sshGroup(): Promise<string> {
  const g = await lab.aws('ec2', 'CreateSecurityGroup', { GroupName: 'ssh-only', Description: 'ssh' });
  await lab.aws('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: g.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
  return String(g.GroupId);
}

async function mymachine(): Promise<string> {
  return runningInstance(lab, {
    ImageId: await ubuntuImage(lab),
    InstanceType: 't2.micro',
    KeyName: 'mykey',
    SecurityGroupIds: [await sshGroup()],
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'mymachine' }] }],
  });
}

describe('chapter 1: the account and region steps need the learner to do something', () => {
  it('stays red while the console only browses, in any region', async () => {
    await lab.labs.start(1);
    // What opening console pages does: reads, in the region the console shows.
    for (const op of ['DescribeInstances', 'DescribeKeyPairs', 'DescribeSecurityGroups']) await lab.aws('ec2', op, {}, { source: 'console' });
    await lab.aws('ec2', 'DescribeInstances', {}, { source: 'console', region: 'eu-west-1' });
    const s = await lab.labs.evaluate(1);
    expect(stepOf(s, 'account')).toMatchObject({
      status: 'failed',
      detail: 'You have not looked at your account yet: open IAM from the services menu (or run aws sts get-caller-identity).',
    });
    expect(stepOf(s, 'region')).toMatchObject({
      status: 'failed',
      detail: 'You have not created anything in a region yet: pick US East (N. Virginia) in the region selector and create the key pair there.',
    });
  });

  it('passes the account step once the learner opens IAM or asks STS who they are', async () => {
    await lab.labs.start(1);
    await lab.aws('iam', 'ListUsers', {}, { source: 'console' });
    expect(stepOf(await lab.labs.evaluate(1), 'account')).toMatchObject({
      status: 'passed',
      detail: `You are working in the lab account ${lab.engine.account.accountId} (you opened IAM, where its identities live).`,
    });
    await lab.labs.start(1);
    await lab.aws('sts', 'GetCallerIdentity', {}, { source: 'api' });
    expect(stepOf(await lab.labs.evaluate(1), 'account').detail).toBe(`You are working in the lab account ${lab.engine.account.accountId} (you asked who you are).`);
  });

  it('follows where the learner\'s latest change went', async () => {
    await lab.labs.start(1);
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'mykey' }, { region: 'eu-west-1', source: 'console' });
    expect(stepOf(await lab.labs.evaluate(1), 'region')).toMatchObject({
      status: 'failed',
      detail: 'Your last change (ec2 CreateKeyPair) went to eu-west-1; switch the region selector to US East (N. Virginia).',
    });
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'mykey' }, { source: 'console' });
    expect(stepOf(await lab.labs.evaluate(1), 'region')).toMatchObject({
      status: 'passed',
      detail: 'Your changes go to US East (N. Virginia): the last one was ec2 CreateKeyPair.',
    });
  });
});

describe('chapter 3: linkchecker must have run, not just be installed', () => {
  it('is red after the install alone and green once linkchecker ran', async () => {
    await lab.labs.start(3);
    const id = await mymachine();
    const m = labMachines(lab.engine.terminals);
    try {
      const on = { kind: 'instance', instanceId: id, region: 'us-east-1' } as const;
      expect((await m.run(on, 'sudo apt-get update && sudo apt-get install linkchecker -y')).exitCode).toBe(0);
      expect(stepOf(await lab.labs.evaluate(3), 'linkchecker')).toMatchObject({
        status: 'failed',
        detail: 'linkchecker is installed on mymachine, but nobody has run it yet: linkchecker https://… on a site you like.',
      });
      await m.run(on, 'linkchecker http://localhost/');
      expect(stepOf(await lab.labs.evaluate(3), 'linkchecker')).toMatchObject({ status: 'passed', detail: 'linkchecker is installed on mymachine and ubuntu has run it.' });
      // Undoing it: the settings it left are the evidence.
      await m.run(on, 'rm -r ~/.linkchecker');
      expect(stepOf(await lab.labs.evaluate(3), 'linkchecker').status).toBe('failed');
    } finally {
      m.dispose();
    }
  });
});

describe('progress the way a learner lives it', () => {
  it('keeps launch done once §3.3 has the learner terminate mymachine', async () => {
    await lab.labs.start(3);
    const id = await mymachine();
    expect(stepOf(await lab.labs.evaluate(3), 'launch').status).toBe('passed');
    await lab.aws('ec2', 'TerminateInstances', { InstanceIds: [id] });
    for (let i = 0; i < 30; i++) lab.engine.clock.advance(5_000);
    const s = await lab.labs.evaluate(3);
    expect(stepOf(s, 'terminate').status).toBe('passed');
    expect(stepOf(s, 'launch')).toMatchObject({
      status: 'passed',
      detail: 'Done. You later removed what this step built, as §3.3 says ("Terminate mymachine"), so it is not checked again.',
    });
    // A step that never passed is not made done by the later one.
    expect(stepOf(s, 'connect').status).toBe('failed');
  });

  it('still turns a step red when its work is undone before the book says so', async () => {
    await lab.labs.start(3);
    const id = await mymachine();
    expect(stepOf(await lab.labs.evaluate(3), 'launch').status).toBe('passed');
    await lab.aws('ec2', 'StopInstances', { InstanceIds: [id] });
    expect(stepOf(await lab.labs.evaluate(3), 'launch').status).toBe('failed');
  });
});

describe('chapter 6: the machine stops itself through its own role', () => {
  it('does not count a stop signed by another role session', async () => {
    await lab.labs.start(6);
    const account = lab.engine.account.accountId;
    const id = await runningInstance(lab, { ImageId: await ubuntuImage(lab), InstanceType: 't2.micro' });
    await lab.aws('iam', 'CreateRole', {
      RoleName: 'operator',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] }),
    });
    await lab.aws('iam', 'AttachRolePolicy', { RoleName: 'operator', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    // Roles are assumed by users, not by the root user: an admin user takes the role on.
    await lab.aws('iam', 'CreateUser', { UserName: 'ops' });
    await lab.aws('iam', 'AttachUserPolicy', { UserName: 'ops', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    const userKey = (await lab.aws('iam', 'CreateAccessKey', { UserName: 'ops' })).AccessKey as { AccessKeyId: string };
    const ops = lab.engine.lookupAccessKey(userKey.AccessKeyId)!.principal;
    const assumed = await lab.engine.call(ops, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${account}:role/operator`, RoleSessionName: id }, { region: 'us-east-1', source: 'cli' });
    const principal = lab.engine.lookupAccessKey((assumed.Credentials as { AccessKeyId: string }).AccessKeyId)!.principal;
    await lab.engine.call(principal, 'ec2', 'StopInstances', { InstanceIds: [id] }, { region: 'us-east-1', source: 'cli' });
    expect(stepOf(await lab.labs.evaluate(6), 'instance-role')).toMatchObject({
      status: 'failed',
      detail: `No machine has stopped itself through its own role yet: ${id} was stopped with the role operator, but it has no instance profile.`,
    });
  });
});

describe('checks catch only not-found errors', () => {
  it('answers undefined for a missing thing and rethrows everything else', async () => {
    expect(await ifExists(Promise.reject(new AwsError('NoSuchEntity', 'The user with name mycli cannot be found.', 404)))).toBeUndefined();
    expect(await ifExists(Promise.reject(new AwsError('ValidationError', 'Stack with id server does not exist', 400)))).toBeUndefined();
    await expect(ifExists(Promise.reject(new AwsError('AccessDenied', 'no', 403)))).rejects.toThrow('no');
    await expect(ifExists(Promise.reject(new AwsError('InternalFailure', 'bug', 500)))).rejects.toThrow('bug');
    await expect(ifExists(Promise.reject(new TypeError('x is undefined')))).rejects.toThrow('x is undefined');
  });
});

describe('a chapter with steps waiting for the lab', () => {
  it('says "completed N of M, K waiting for the lab" in its status and in the signed export', async () => {
    const e = lab.engine;
    const deps: LabDeps = {
      store: e.store,
      clock: e.clock,
      call: e.call,
      accountId: e.account.accountId,
      root: e.account.root,
      resourcesDir: e.resourcesDir,
      regions: ['us-east-1'],
      hasOperation: (service) => service !== 'nolab',
      onEvent: () => () => undefined,
      history: () => [],
      recheckDelayMs: 0,
    };
    const step = { section: '§1.1', hints: ['a hint'], solve: async () => undefined, check: async () => passed('done') };
    const chapter: ChapterDefinition = {
      number: 98,
      slug: 'test',
      title: 'A test chapter',
      sections: '§1',
      keeps: [],
      costs: [],
      cleanup: async () => undefined,
      steps: [
        { ...step, id: 'here', title: 'Here', needs: [] },
        { ...step, id: 'later', title: 'Later', needs: [{ op: 'nolab:DoIt' }], comesLater: 'This waits for nolab.' },
      ],
    };
    const labs = createLabs(deps, [chapter]);
    try {
      const s = await labs.start(98);
      expect(s).toMatchObject({ passed: 1, total: 1, waiting: 1 });
      expect(s.completedAt).toBeDefined();
      const exported = labs.exportProgress().payload.chapters.find((c) => c.number === 98)!;
      expect(exported).toMatchObject({ passed: 1, total: 2, waiting: 1, summary: 'completed 1 of 2, 1 waiting for the lab' });
      expect(labs.verifyExport(JSON.stringify(labs.exportProgress()))).toMatchObject({ valid: true });
      expect(labs.exportHtml()).toContain('<p>Completed 1 of 2, 1 waiting for the lab (');
    } finally {
      labs.dispose();
    }
    expect(progressSummary({ passed: 3, total: 5, waiting: 0 })).toBe('3 of 5 steps done');
    expect(progressSummary({ passed: 3, total: 5, waiting: 2 })).toBe('3 of 7 steps done, 2 waiting for the lab');
    expect(progressSummary({ passed: 5, total: 5, waiting: 0 })).toBe('completed 5 of 5');
  });
});
