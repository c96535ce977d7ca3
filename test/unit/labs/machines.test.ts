/**
 * The chapters' machines over the engine's terminals (contract-host/lab-machines.ts): `run` is a
 * background login with stdout, stderr and the exit status kept apart; `type` types into the
 * learner's interactive terminal (the console's, when one is open) and returns at the next prompt
 * or question. And the console's "save to workstation" for a new key pair's private key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { labMachines, type LabMachinesHandle } from '../../../src-main/engine/contract-host/lab-machines';
import { createConsoleHandlers } from '../../../src-main/engine/contract-host/console-handlers';
import { checkKeyFile } from '../../../src-main/engine/labs/chapters/shared';
import type { StepContext } from '../../../src-main/engine/labs/types';
import { openLab, runningInstance, ubuntuImage, type TestLab } from './helpers';

let lab: TestLab | undefined;
let machines: LabMachinesHandle | undefined;
afterEach(() => {
  machines?.dispose();
  lab?.close();
  lab = machines = undefined;
});

const WS = { kind: 'workstation' } as const;

function setup(): { lab: TestLab; m: LabMachinesHandle } {
  lab = openLab();
  machines = labMachines(lab.engine.terminals);
  return { lab, m: machines };
}

describe('run', () => {
  it('keeps stdout, stderr and the exit status apart, in a session nobody sees', async () => {
    const { lab, m } = setup();
    expect(await m.run(WS, 'echo out; echo err >&2; exit 3')).toEqual({ stdout: 'out\n', stderr: 'err\n', exitCode: 3 });
    expect(await m.run(WS, 'whoami; pwd')).toEqual({ stdout: 'learner\n/home/learner\n', stderr: '', exitCode: 0 });
    expect(lab.engine.terminals.list()).toEqual([]);
  });

  it('logs in to an instance as its default user or as the user asked for', async () => {
    const { lab, m } = setup();
    const id = await runningInstance(lab, { ImageId: await ubuntuImage(lab), InstanceType: 't2.micro' });
    const target = { kind: 'instance', instanceId: id, region: 'us-east-1' } as const;
    expect(await m.run(target, 'whoami')).toEqual({ stdout: 'ubuntu\n', stderr: '', exitCode: 0 });
    expect(await m.run({ ...target, user: 'root' }, 'whoami')).toEqual({ stdout: 'root\n', stderr: '', exitCode: 0 });
    expect(await m.run({ ...target, user: 'nobody-here' }, 'true')).toEqual({ stdout: '', stderr: `There is no user 'nobody-here' on ${id}.\n`, exitCode: 255 });
    await lab.aws('ec2', 'StopInstances', { InstanceIds: [id] });
    expect(await m.run(target, 'true')).toEqual({ stdout: '', stderr: `${id} is not running: a shell needs a running instance.\n`, exitCode: 255 });
  });
});

describe('type', () => {
  it('types into the console\'s open workstation terminal and returns what the command printed', async () => {
    const { lab, m } = setup();
    const t = lab.engine.terminals;
    const mine = await t.open({ target: 'workstation' });
    let screen = '';
    t.onEvent((e) => {
      if (e.type === 'output' && e.terminalId === mine.terminalId) screen += e.data;
    });
    expect(await m.type(WS, 'echo hello; false')).toEqual({ stdout: 'hello\n', stderr: '', exitCode: 1 });
    expect(screen).toBe('echo hello; false\r\nhello\r\nlearner@workstation:~$ ');
    expect(t.list().map((x) => x.terminalId)).toEqual([mine.terminalId]);
  });

  it('opens a terminal when none is open, and returns at a program\'s question', async () => {
    const { lab, m } = setup();
    const g = await lab.aws('ec2', 'CreateSecurityGroup', { GroupName: 'ssh', Description: 'ssh' });
    await lab.aws('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: g.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    const id = await runningInstance(lab, { ImageId: await ubuntuImage(lab), InstanceType: 't2.micro', SecurityGroupIds: [g.GroupId] });
    const d = await lab.aws('ec2', 'DescribeInstances', { InstanceIds: [id] });
    const host = String((d.Reservations as { Instances: { PublicDnsName: string }[] }[])[0]!.Instances[0]!.PublicDnsName);
    const asked = await m.type(WS, `ssh ubuntu@${host}`);
    expect(asked.stdout).toMatch(new RegExp(`^The authenticity of host '${host.replace(/\./g, '\\.')} \\([\\d.]+\\)' can't be established\\.\\nECDSA key fingerprint is SHA256:\\S+\\.\\nAre you sure you want to continue connecting \\(yes/no/\\[fingerprint\\]\\)\\? $`));
    const denied = await m.type(WS, 'yes');
    expect(denied.exitCode).toBe(255);
    expect(denied.stdout).toContain(`ubuntu@${host}: Permission denied (publickey).`);
    expect(lab.engine.terminals.list()).toEqual([expect.objectContaining({ target: 'workstation', mode: 'interactive', title: 'learner@workstation' })]);
  });
});

describe('workstation.saveFile', () => {
  it('puts a console-made key in ~/NAME.pem (mode 644), which the key-file check then follows', async () => {
    const { lab, m } = setup();
    const made = await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'mykey' }, { source: 'console' });
    const handlers = createConsoleHandlers(lab.engine);
    expect(await handlers['workstation.saveFile']({ fileName: 'mykey.pem', content: String(made.KeyMaterial), mode: 0o644 })).toEqual({
      path: '/home/learner/mykey.pem',
      displayPath: '~/mykey.pem',
    });
    expect(await m.run(WS, 'stat -c %U ~/mykey.pem; head -1 ~/mykey.pem')).toMatchObject({ stdout: expect.stringContaining('-----BEGIN RSA PRIVATE KEY-----\n') });
    const ctx = { deps: { machines: m } } as unknown as StepContext;
    expect(await checkKeyFile(ctx, 'mykey')).toEqual({
      status: 'failed',
      detail: '/home/learner/mykey.pem has mode 644; ssh refuses keys others can read. Run chmod 400 /home/learner/mykey.pem.',
    });
    await m.type(WS, 'chmod 400 ~/mykey.pem');
    expect(await checkKeyFile(ctx, 'mykey')).toEqual({ status: 'passed', detail: '/home/learner/mykey.pem is readable only by you (mode 400).' });
  });
});
