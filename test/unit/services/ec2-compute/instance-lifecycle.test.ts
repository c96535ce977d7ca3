import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { createEngine } from '../../../../src-main/engine/index';
import { appendConsoleOutput } from '../../../../src-main/engine/services/ec2/state/instances';
import { onInstanceStateChange, internalCtx } from '../../../../src-main/engine/services/ec2/state/instance-lifecycle';
import { BOOK_AMI, START, ec2Lab } from './lab';

const run = (extra: Record<string, unknown> = {}) => ({ ImageId: BOOK_AMI, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, ...extra });

describe('instance lifecycle', () => {
  it('stop, change the type, start: a new public address; user data kept and readable (§3.4)', async () => {
    const { ec2, advance } = ec2Lab();
    const userData = Buffer.from('#!/bin/bash\nyum -y update\n').toString('base64');
    const id = (await ec2('RunInstances', run({ UserData: userData }))).Instances[0].InstanceId;
    advance(30_000);
    const first = (await ec2('DescribeInstances', { InstanceIds: [id] })).Reservations[0].Instances[0];
    const stop = await ec2('StopInstances', { InstanceIds: [id] });
    expect(stop.StoppingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 64, Name: 'stopping' }, PreviousState: { Code: 16, Name: 'running' } }]);
    advance(20_000);
    const stopped = (await ec2('DescribeInstances', { InstanceIds: [id] })).Reservations[0].Instances[0];
    expect(stopped.State).toEqual({ Code: 80, Name: 'stopped' });
    expect(stopped.PublicIpAddress).toBeUndefined();
    expect(stopped.PublicDnsName).toBe('');
    expect(stopped.PrivateIpAddress).toBe(first.PrivateIpAddress);
    expect(stopped.StateReason).toEqual({ Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' });
    expect(stopped.StateTransitionReason).toBe('User initiated (2026-01-10 12:00:30 GMT)');
    await ec2('ModifyInstanceAttribute', { InstanceId: id, InstanceType: { Value: 'm4.large' } });
    expect((await ec2('DescribeInstanceAttribute', { InstanceId: id, Attribute: 'instanceType' })).InstanceType).toEqual({ Value: 'm4.large' });
    expect((await ec2('DescribeInstanceAttribute', { InstanceId: id, Attribute: 'userData' })).UserData).toEqual({ Value: userData });
    const start = await ec2('StartInstances', { InstanceIds: [id] });
    expect(start.StartingInstances[0].CurrentState).toEqual({ Code: 0, Name: 'pending' });
    advance(30_000);
    const again = (await ec2('DescribeInstances', { InstanceIds: [id] })).Reservations[0].Instances[0];
    expect(again).toMatchObject({ InstanceType: 'm4.large', State: { Code: 16, Name: 'running' } });
    expect(again.PublicIpAddress).toBeDefined();
    expect(again.PublicIpAddress).not.toBe(first.PublicIpAddress);
  });

  it('tells listeners about each state change with its simulated time', async () => {
    const { ec2, advance } = ec2Lab();
    const seen: string[] = [];
    const off = onInstanceStateChange((e) => seen.push(`${e.previous ?? '-'}>${e.current}@${e.at - START}`));
    try {
      const id = (await ec2('RunInstances', run())).Instances[0].InstanceId;
      advance(45_000);
      await ec2('TerminateInstances', { InstanceIds: [id] });
      advance(60_000);
    } finally {
      off();
    }
    expect(seen).toEqual(['->pending@0', 'pending>running@30000', 'running>shutting-down@45000', 'shutting-down>terminated@65000']);
  });

  it('GetConsoleOutput returns the boot log, base64, with what the guest appended', async () => {
    const lab = ec2Lab();
    const id = (await lab.ec2('RunInstances', run())).Instances[0].InstanceId;
    lab.advance(30_000);
    lab.engine.store.tx(() => appendConsoleOutput(internalCtx(lab.engine, lab.engine.account.accountId, 'us-east-1'), id, 'cloud-init: hello\n'));
    const out = await lab.ec2('GetConsoleOutput', { InstanceId: id });
    const text = Buffer.from(out.Output, 'base64').toString();
    expect(text).toContain('Linux version');
    expect(text).toContain(`${id} login:`);
    expect(text.endsWith('cloud-init: hello\n')).toBe(true);
  });

  it('DescribeInstanceStatus: initializing, then ok a minute after boot; IncludeAllInstances shows stopped ones', async () => {
    const { ec2, advance } = ec2Lab();
    const id = (await ec2('RunInstances', run())).Instances[0].InstanceId;
    expect((await ec2('DescribeInstanceStatus', {})).InstanceStatuses).toEqual([]);
    advance(30_000);
    let s = await ec2('DescribeInstanceStatus', { InstanceIds: [id] });
    expect(s.InstanceStatuses[0].InstanceStatus.Status).toBe('initializing');
    advance(60_000);
    s = await ec2('DescribeInstanceStatus', { InstanceIds: [id] });
    expect(s.InstanceStatuses[0]).toMatchObject({
      InstanceId: id,
      InstanceState: { Code: 16, Name: 'running' },
      InstanceStatus: { Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] },
      SystemStatus: { Status: 'ok' },
    });
  });

  it('transitions survive an engine restart: a pending instance boots on the reopened engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nimbus-ec2-'));
    try {
      const clock1 = createClock({ warp: 0, start: START });
      const e1 = createEngine({ dataDir: dir, clock: clock1 });
      const out = await e1.call(e1.account.root, 'ec2', 'RunInstances', run(), { region: 'us-east-1' });
      const id = (out.Instances as { InstanceId: string }[])[0]!.InstanceId;
      e1.close();
      const clock2 = createClock({ warp: 0, start: START + 10_000 });
      const e2 = createEngine({ dataDir: dir, clock: clock2 });
      const seen: string[] = [];
      const off = onInstanceStateChange((e) => seen.push(e.current));
      clock2.advance(20_000);
      off();
      expect(seen).toEqual(['running']);
      const d = await e2.call(e2.account.root, 'ec2', 'DescribeInstances', { InstanceIds: [id] }, { region: 'us-east-1' });
      expect((d.Reservations as { Instances: { State: unknown }[] }[])[0]!.Instances[0]!.State).toEqual({ Code: 16, Name: 'running' });
      e2.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('DescribeInstances groups by reservation and filters like the book (§4.2.4, §14.2)', async () => {
    const { ec2, advance } = ec2Lab();
    const r1 = await ec2('RunInstances', run({ MinCount: 2, MaxCount: 2, TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'jenkins-multiaz' }] }] }));
    await ec2('RunInstances', run({ InstanceType: 't2.small' }));
    advance(30_000);
    let d = await ec2('DescribeInstances', { Filters: [{ Name: 'instance-type', Values: ['t2.micro'] }] });
    expect(d.Reservations).toHaveLength(1);
    expect(d.Reservations[0].ReservationId).toBe(r1.ReservationId);
    expect(d.Reservations[0].Instances.map((i: { AmiLaunchIndex: number }) => i.AmiLaunchIndex)).toEqual([0, 1]);
    d = await ec2('DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: ['jenkins-multiaz'] }, { Name: 'instance-state-code', Values: ['16'] }] });
    expect(d.Reservations[0].Instances).toHaveLength(2);
    expect(d.Reservations[0].Instances[0].Tags).toEqual([{ Key: 'Name', Value: 'jenkins-multiaz' }]);
    d = await ec2('DescribeInstances', { Filters: [{ Name: 'instance-type', Values: ['t2.nano'] }] });
    expect(d).toEqual({ Reservations: [] });
    await expect(ec2('DescribeInstances', { Filters: [{ Name: 'no-such-filter', Values: ['x'] }] })).rejects.toMatchObject({
      code: 'InvalidParameterValue',
      message: "The filter 'no-such-filter' is invalid",
    });
  });
});

describe('Elastic IPs across stop and start (§3.6)', () => {
  it('an associated Elastic IP stays the public address through stop and start', async () => {
    const { ec2, advance } = ec2Lab();
    const id = (await ec2('RunInstances', run())).Instances[0].InstanceId;
    advance(30_000);
    const eip = await ec2('AllocateAddress', { Domain: 'vpc' });
    await ec2('AssociateAddress', { InstanceId: id, AllocationId: eip.AllocationId });
    const describe = async () => (await ec2('DescribeInstances', { InstanceIds: [id] })).Reservations[0].Instances[0];
    expect((await describe()).PublicIpAddress).toBe(eip.PublicIp);
    await ec2('StopInstances', { InstanceIds: [id] });
    advance(20_000);
    expect((await describe()).PublicIpAddress).toBe(eip.PublicIp);
    await ec2('StartInstances', { InstanceIds: [id] });
    advance(30_000);
    const after = await describe();
    expect(after.PublicIpAddress).toBe(eip.PublicIp);
    expect(after.PublicDnsName).toBe(`ec2-${eip.PublicIp.replaceAll('.', '-')}.compute-1.amazonaws.com`);
    expect(after.NetworkInterfaces[0].Association).toMatchObject({ PublicIp: eip.PublicIp, IpOwnerId: expect.stringMatching(/^\d{12}$/) });
  });
});
