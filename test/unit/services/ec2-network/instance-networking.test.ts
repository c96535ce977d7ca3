/**
 * The network half as RunInstances and the instance lifecycle use it: public addresses that come
 * and go with the instance state and Elastic IPs, and explainReachability over the real tables.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- AWS responses are untyped JSON in these tests */
import { describe, expect, it } from 'vitest';
import { internalCtx } from '../../../../src-main/engine/services/ec2/state/instance-lifecycle';
import { explainReachability } from '../../../../src-main/engine/services/ec2/state/network-world';
import { netLab, publicPrivateVpc } from './lab';

const BOOT_MS = 30_000;
const run = (extra: Record<string, unknown> = {}) => ({ ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, ...extra });

async function launched(lab: ReturnType<typeof netLab>, extra: Record<string, unknown> = {}) {
  const inst = (await lab.ec2('RunInstances', run(extra))).Instances[0];
  lab.advance(BOOT_MS);
  return inst;
}

describe('instances in the network', () => {
  it('launch into the default VPC: a default subnet, the default group, a private and a public address', async () => {
    const lab = netLab();
    const inst = await launched(lab);
    const subnet = (await lab.ec2('DescribeSubnets', { Filters: [{ Name: 'availability-zone', Values: ['us-east-1a'] }] })).Subnets[0];
    expect(inst).toMatchObject({ SubnetId: subnet.SubnetId, PrivateIpAddress: '172.31.0.4', PrivateDnsName: 'ip-172-31-0-4.ec2.internal', PublicIpAddress: '54.160.1.10', PublicDnsName: 'ec2-54-160-1-10.compute-1.amazonaws.com' });
    expect(inst.SecurityGroups.map((g: any) => g.GroupName)).toEqual(['default']);
    expect((await lab.ec2('DescribeSubnets', { SubnetIds: [subnet.SubnetId] })).Subnets[0].AvailableIpAddressCount).toBe(4090);
  });

  it('an Elastic IP replaces the public address; disassociating gives a new one; termination frees the interface', async () => {
    const lab = netLab();
    const inst = await launched(lab);
    const eip = await lab.ec2('AllocateAddress');
    await lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: inst.InstanceId });
    const withEip = (await lab.ec2('DescribeInstances', { InstanceIds: [inst.InstanceId] })).Reservations[0].Instances[0];
    expect(withEip.PublicIpAddress).toBe(eip.PublicIp);
    expect((await lab.ec2('DescribeAddresses', { Filters: [{ Name: 'instance-id', Values: [inst.InstanceId] }] })).Addresses.map((a: any) => a.PublicIp)).toEqual([eip.PublicIp]);
    await lab.ec2('DisassociateAddress', { PublicIp: eip.PublicIp });
    const after = (await lab.ec2('DescribeInstances', { InstanceIds: [inst.InstanceId] })).Reservations[0].Instances[0];
    expect(after.PublicIpAddress).toBe('54.160.1.12');
    await lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: inst.InstanceId });
    await lab.ec2('TerminateInstances', { InstanceIds: [inst.InstanceId] });
    lab.advance(60_000);
    expect((await lab.ec2('DescribeAddresses', { AllocationIds: [eip.AllocationId] })).Addresses[0].AssociationId).toBeUndefined();
    expect((await lab.ec2('DescribeNetworkInterfaces')).NetworkInterfaces).toEqual([]);
  });

  it('a launch into a custom subnet without MapPublicIpOnLaunch gets no public address', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const inst = await launched(lab, { SubnetId: net.privateSubnet });
    expect(inst.PrivateIpAddress).toBe('10.0.2.4');
    expect(inst.PublicIpAddress).toBeUndefined();
    expect(inst.SecurityGroups).toEqual([{ GroupId: net.defaultSg, GroupName: 'default' }]);
  });
});

describe('explainReachability over the tables', () => {
  it('follows security-group changes, instance state and the NAT gateway', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const ctx = internalCtx(lab.engine, lab.engine.account.accountId, 'us-east-1');
    const web = (await lab.ec2('CreateSecurityGroup', { GroupName: 'web', Description: 'web', VpcId: net.vpcId })).GroupId;
    const webInst = await launched(lab, { SubnetId: net.publicSubnet, SecurityGroupIds: [web] });
    const ask = (from: any, to: any, protocol: 'tcp' | 'icmp', port: number) => lab.engine.store.tx(() => explainReachability(ctx, { from, to, protocol, port }));
    const ws = { kind: 'workstation' as const };
    const target = { kind: 'instance' as const, instanceId: webInst.InstanceId };
    expect(ask(ws, target, 'tcp', 22)).toMatchObject({ ok: false, reason: { code: 'no-public-ip', message: `instance ${webInst.InstanceId} has no public IP address` } });
    const eip = (await lab.ec2('AllocateAddress')).AllocationId;
    await lab.ec2('AssociateAddress', { AllocationId: eip, InstanceId: webInst.InstanceId });
    expect(ask(ws, target, 'tcp', 22)).toMatchObject({
      ok: false,
      reason: { code: 'security-group-inbound-denied', message: `no security-group rule allows tcp/22 from 203.0.113.10/32 (${web}: no inbound rules)` },
    });
    await lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    expect(ask(ws, target, 'tcp', 22).ok).toBe(true);
    await lab.ec2('StopInstances', { InstanceIds: [webInst.InstanceId] });
    lab.advance(60_000);
    expect(ask(ws, target, 'tcp', 22)).toMatchObject({ ok: false, reason: { code: 'target-not-running', message: `instance ${webInst.InstanceId} is stopped` } });

    const dbInst = await launched(lab, { SubnetId: net.privateSubnet });
    const db = { kind: 'instance' as const, instanceId: dbInst.InstanceId };
    const internet = { kind: 'internet' as const };
    expect(ask(db, internet, 'tcp', 443)).toMatchObject({
      ok: false,
      reason: { code: 'no-internet-gateway-route', message: `subnet ${net.privateSubnet} has no route to an internet gateway (route table ${net.mainRtb})` },
    });
    const natEip = (await lab.ec2('AllocateAddress')).AllocationId;
    const nat = (await lab.ec2('CreateNatGateway', { SubnetId: net.publicSubnet, AllocationId: natEip })).NatGateway.NatGatewayId;
    await lab.ec2('CreateRoute', { RouteTableId: net.mainRtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat });
    expect(ask(db, internet, 'tcp', 443)).toMatchObject({ ok: false, reason: { code: 'nat-gateway-not-available', message: `NAT gateway ${nat} is pending` } });
    lab.advance(60_000);
    expect(ask(db, internet, 'tcp', 443).ok).toBe(true);
  });
});
