/**
 * §10.3–§10.5 with our own template of the chapter's shape (test/fixtures/efs/shared-home.yaml):
 * two machines in two zones mount one file system as /home at boot from user data and signal
 * CloudFormation; a file touched on one is listed on the other; dd on the share reports EFS's burst
 * rate; both machines go, a new one mounts the share and finds the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cfnLab } from '../cloudformation/lab';
import { GuestShell } from '../../../src-main/engine/guest/session';

/* eslint-disable @typescript-eslint/no-explicit-any */
const lab = cfnLab();
const template = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'efs', 'shared-home.yaml'), 'utf8');
afterAll(async () => {
  lab.engine.close();
  await lab.engine.supervisor.dispose();
});

/** Steps the clock a second at a time, giving the guests' boot scripts real turns in between. */
async function settle(stack: string, maxMs: number): Promise<string> {
  for (let t = 0; t < maxMs; t += 1000) {
    const status = await lab.status(stack);
    if (!status.endsWith('_IN_PROGRESS')) return status;
    await lab.run(1000);
    await new Promise((r) => setTimeout(r, 2));
  }
  return lab.status(stack);
}

async function shellOn(instanceId: string): Promise<GuestShell> {
  const g = await lab.engine.terminals.guest(instanceId);
  const sh = new GuestShell(g!, g!.user('ec2-user')!);
  await sh.exec('cd ~');
  return sh;
}

describe('chapter 10: a shared /home on EFS', () => {
  it('boots both machines onto the share, shares files between them, and keeps them after both are gone', async () => {
    await lab.cfn('CreateStack', { StackName: 'efs', TemplateBody: template });
    expect(await settle('efs', 20 * 60_000), (await lab.events('efs')).join('\n')).toBe('CREATE_COMPLETE');
    const res = ((await lab.cfn('DescribeStackResources', { StackName: 'efs' })).StackResources as any[]).reduce((m: any, r: any) => ({ ...m, [r.LogicalResourceId]: r }), {});
    expect(res.HomeShare.ResourceStatusReason ?? '').not.toMatch(/[Ss]imulated/);
    const [one, two] = [await shellOn(res.MachineOne.PhysicalResourceId), await shellOn(res.MachineTwo.PhysicalResourceId)];
    expect((await one.exec('pwd; ls')).stdout).toBe('/home/ec2-user\n');
    expect((await one.exec('touch i-was-here')).exitCode).toBe(0);
    expect((await two.exec('ls')).stdout).toBe('i-was-here\n');
    expect((await two.exec('df -h /home | tail -1')).stdout).toMatch(/^fs-[0-9a-f]+\.efs\.us-east-1\.amazonaws\.com:\/\s+8\.0E\s+\S+\s+8\.0E\s+1% \/home\n$/);

    const dd = await one.exec('sudo dd if=/dev/zero of=/home/ec2-user/tempfile bs=1M count=1024 conv=fdatasync,notrunc');
    expect(dd.stderr).toMatch(/^1024\+0 records in\n1024\+0 records out\n1073741824 bytes \(1\.1 GB\) copied, 10\.\d+ s, 10[3-6] MB\/s\n$/);
    const read = await two.exec('sudo dd if=/home/ec2-user/tempfile of=/dev/null bs=1M count=1024');
    expect(read.stderr).toMatch(/copied, 10\.\d+ s, 10[3-6] MB\/s\n$/);

    await lab.call('ec2', 'TerminateInstances', { InstanceIds: [res.MachineOne.PhysicalResourceId, res.MachineTwo.PhysicalResourceId] });
    await lab.run(120_000, 5000);
    const fsId = res.HomeShare.PhysicalResourceId;
    const fresh = (await lab.call('ec2', 'RunInstances', {
      ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1,
      NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: res.ZoneTwoSubnet.PhysicalResourceId, Groups: [res.ShareClients.PhysicalResourceId], AssociatePublicIpAddress: true }],
    })).Instances[0].InstanceId;
    await lab.run(120_000, 5000);
    const three = await shellOn(fresh);
    expect((await three.exec(`sudo mkdir /shared && sudo mount -t nfs4 -o nfsvers=4.1 ${fsId}.efs.us-east-1.amazonaws.com:/ /shared && ls /shared/ec2-user`)).stdout).toBe('i-was-here\ntempfile\n');
  }, 60_000);
});
