import { describe, expect, it } from 'vitest';
import { cfnLab, fixture, type CfnLab } from './lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
async function withVpc(lab: CfnLab): Promise<string> {
  return (await lab.call('ec2', 'CreateVpc', { CidrBlock: '10.9.0.0/16' })).Vpc.VpcId;
}

const since = (events: string[], marker: string) => events.slice(events.lastIndexOf(marker));

async function ingress(lab: CfnLab, groupId: string): Promise<string[]> {
  const g = (await lab.call('ec2', 'DescribeSecurityGroups', { GroupIds: [groupId] })).SecurityGroups[0];
  return g.IpPermissions.map((p: any) => `${p.IpProtocol}:${p.FromPort}-${p.ToPort}:${p.IpRanges.map((r: any) => r.CidrIp).join(',')}`).sort();
}

const groupId = async (lab: CfnLab, stack: string) =>
  ((await lab.cfn('DescribeStacks', { StackName: stack })).Stacks[0].Outputs as any[]).find((o) => o.OutputKey === 'GroupId').OutputValue as string;

describe('stack updates', () => {
  it('modifies in place, adds a conditional resource, replaces on a Replacement property, and cleans up', async () => {
    const lab = cfnLab();
    const vpc = await withVpc(lab);
    const body = fixture('security-group.yaml');
    await lab.cfn('CreateStack', { StackName: 'sg', TemplateBody: body, Parameters: [{ ParameterKey: 'VPC', ParameterValue: vpc }] });
    await lab.settle();
    const first = await groupId(lab, 'sg');
    expect(await ingress(lab, first)).toEqual(['tcp:80-80:0.0.0.0/0']);

    // 1. A new rule on the group (no interruption) and the conditional resource appears.
    await lab.cfn('UpdateStack', {
      StackName: 'sg',
      UsePreviousTemplate: true,
      Parameters: [
        { ParameterKey: 'VPC', UsePreviousValue: true },
        { ParameterKey: 'SshCidr', ParameterValue: '203.0.113.0/24' },
      ],
    });
    expect(await lab.status('sg')).toBe('UPDATE_IN_PROGRESS');
    await lab.settle();
    expect(since(await lab.events('sg'), 'sg UPDATE_IN_PROGRESS User Initiated')).toEqual([
      'sg UPDATE_IN_PROGRESS User Initiated',
      'Group UPDATE_IN_PROGRESS',
      'Group UPDATE_COMPLETE',
      'SshRule CREATE_IN_PROGRESS',
      'SshRule CREATE_IN_PROGRESS Resource creation Initiated',
      'SshRule CREATE_COMPLETE',
      'sg UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
      'sg UPDATE_COMPLETE',
    ]);
    expect(await groupId(lab, 'sg')).toBe(first);
    expect(await ingress(lab, first)).toEqual(['icmp:-1--1:203.0.113.0/24', 'tcp:22-22:203.0.113.0/24', 'tcp:80-80:0.0.0.0/0']);

    // 2. The same again: nothing to do.
    await lab.rejects(
      'UpdateStack',
      { StackName: 'sg', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'VPC', UsePreviousValue: true }, { ParameterKey: 'SshCidr', UsePreviousValue: true }] },
      'ValidationError',
      'No updates are to be performed.',
    );

    // 3. GroupDescription requires replacement: a new group, the rule that points at it too; the old ones go in the cleanup.
    await lab.cfn('UpdateStack', {
      StackName: 'sg',
      TemplateBody: body,
      Parameters: [
        { ParameterKey: 'VPC', UsePreviousValue: true },
        { ParameterKey: 'SshCidr', UsePreviousValue: true },
        { ParameterKey: 'GroupLabel', ParameterValue: 'api' },
      ],
    });
    await lab.settle();
    expect(since(await lab.events('sg'), 'sg UPDATE_IN_PROGRESS User Initiated')).toEqual([
      'sg UPDATE_IN_PROGRESS User Initiated',
      'Group UPDATE_IN_PROGRESS Requested update requires the creation of a new physical resource; hence creating one.',
      'Group UPDATE_IN_PROGRESS Resource creation Initiated',
      'Group UPDATE_COMPLETE',
      'SshRule UPDATE_IN_PROGRESS Requested update requires the creation of a new physical resource; hence creating one.',
      'SshRule UPDATE_IN_PROGRESS Resource creation Initiated',
      'SshRule UPDATE_COMPLETE',
      'sg UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
      'SshRule DELETE_IN_PROGRESS',
      'SshRule DELETE_COMPLETE',
      'Group DELETE_IN_PROGRESS',
      'Group DELETE_COMPLETE',
      'sg UPDATE_COMPLETE',
    ]);
    const second = await groupId(lab, 'sg');
    expect(second).not.toBe(first);
    const left = (await lab.call('ec2', 'DescribeSecurityGroups', { Filters: [{ Name: 'vpc-id', Values: [vpc] }] })).SecurityGroups.map((g: any) => g.GroupId);
    expect(left.sort()).toEqual([second, left.find((id: string) => id !== second)].sort());
    expect(left).not.toContain(first);
    const events = (await lab.cfn('DescribeStackEvents', { StackName: 'sg' })).StackEvents as any[];
    expect(events.find((e) => e.LogicalResourceId === 'Group' && e.ResourceStatus === 'DELETE_COMPLETE').PhysicalResourceId).toBe(first);

    // 4. The condition turns off: the rule is removed in the cleanup.
    await lab.cfn('UpdateStack', {
      StackName: 'sg',
      UsePreviousTemplate: true,
      Parameters: [{ ParameterKey: 'VPC', UsePreviousValue: true }, { ParameterKey: 'GroupLabel', UsePreviousValue: true }],
    });
    await lab.settle();
    expect(since(await lab.events('sg'), 'sg UPDATE_IN_PROGRESS User Initiated')).toEqual([
      'sg UPDATE_IN_PROGRESS User Initiated',
      'Group UPDATE_IN_PROGRESS',
      'Group UPDATE_COMPLETE',
      'sg UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
      'SshRule DELETE_IN_PROGRESS',
      'SshRule DELETE_COMPLETE',
      'sg UPDATE_COMPLETE',
    ]);
    expect(await ingress(lab, second)).toEqual(['tcp:80-80:0.0.0.0/0']);
    expect((await lab.cfn('ListStackResources', { StackName: 'sg' })).StackResourceSummaries.map((r: any) => r.LogicalResourceId)).toEqual(['Group']);
  });

  it('a failed update rolls back to the previous template and parameters', async () => {
    const lab = cfnLab();
    const vpc = await withVpc(lab);
    await lab.cfn('CreateStack', { StackName: 'sg', TemplateBody: fixture('security-group.yaml'), Parameters: [{ ParameterKey: 'VPC', ParameterValue: vpc }] });
    await lab.settle();
    const id = await groupId(lab, 'sg');
    await lab.cfn('UpdateStack', {
      StackName: 'sg',
      UsePreviousTemplate: true,
      Parameters: [{ ParameterKey: 'VPC', UsePreviousValue: true }, { ParameterKey: 'SshCidr', ParameterValue: '300.1.2.3/40' }],
    });
    await lab.settle();
    const events = since(await lab.events('sg'), 'sg UPDATE_IN_PROGRESS User Initiated');
    expect(events[2]).toMatch(/^Group UPDATE_FAILED .*\(Service: AmazonEC2; Status Code: 400; Error Code: InvalidParameterValue;/);
    expect(events.map((e, i) => (i === 2 ? 'Group UPDATE_FAILED …' : e))).toEqual([
      'sg UPDATE_IN_PROGRESS User Initiated',
      'Group UPDATE_IN_PROGRESS',
      'Group UPDATE_FAILED …',
      'sg UPDATE_ROLLBACK_IN_PROGRESS The following resource(s) failed to update: [Group]. ',
      'Group UPDATE_IN_PROGRESS',
      'Group UPDATE_COMPLETE',
      'sg UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
      'sg UPDATE_ROLLBACK_COMPLETE',
    ]);
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'sg' })).Stacks[0];
    expect(stack.Parameters.find((p: any) => p.ParameterKey === 'SshCidr').ParameterValue).toBe('');
    expect(await ingress(lab, id)).toEqual(['tcp:80-80:0.0.0.0/0']);
    // UPDATE_ROLLBACK_COMPLETE may be updated again.
    await lab.cfn('UpdateStack', { StackName: 'sg', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'VPC', UsePreviousValue: true }, { ParameterKey: 'GroupLabel', ParameterValue: 'web2' }] });
    await lab.settle();
    expect(await lab.status('sg')).toBe('UPDATE_COMPLETE');
  });

  it('an update cannot start while the stack is busy', async () => {
    const lab = cfnLab();
    const { StackId } = await lab.cfn('CreateStack', { StackName: 'q', TemplateBody: fixture('queues.yaml') });
    await lab.rejects('UpdateStack', { StackName: 'q', UsePreviousTemplate: true }, 'ValidationError', `Stack:${StackId} is in CREATE_IN_PROGRESS state and can not be updated.`);
    await lab.rejects('UpdateStack', { StackName: 'nope', UsePreviousTemplate: true }, 'ValidationError', 'Stack with id nope does not exist');
  });
});

describe('an instance type change (some interruption)', () => {
  it('stops the instance, changes its type and starts it again, keeping its id', async () => {
    const lab = cfnLab();
    await lab.call('ec2', 'CreateKeyPair', { KeyName: 'mykey' });
    const vpc = (await lab.call('ec2', 'DescribeVpcs', { Filters: [{ Name: 'isDefault', Values: ['true'] }] })).Vpcs[0].VpcId;
    const subnet = (await lab.call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpc] }] })).Subnets[0].SubnetId;
    const params = [
      { ParameterKey: 'KeyName', ParameterValue: 'mykey' },
      { ParameterKey: 'VPC', ParameterValue: vpc },
      { ParameterKey: 'Subnet', ParameterValue: subnet },
    ];
    await lab.cfn('CreateStack', { StackName: 'server', TemplateBody: fixture('one-server.yaml'), Parameters: params });
    await lab.settle();
    expect(await lab.status('server')).toBe('CREATE_COMPLETE');
    const id = (await lab.cfn('DescribeStackResource', { StackName: 'server', LogicalResourceId: 'Server' })).StackResourceDetail.PhysicalResourceId;
    await lab.cfn('UpdateStack', {
      StackName: 'server',
      UsePreviousTemplate: true,
      Parameters: [...params.map((p) => ({ ParameterKey: p.ParameterKey, UsePreviousValue: true })), { ParameterKey: 'InstanceType', ParameterValue: 't2.small' }],
    });
    await lab.settle();
    expect(since(await lab.events('server'), 'server UPDATE_IN_PROGRESS User Initiated')).toEqual([
      'server UPDATE_IN_PROGRESS User Initiated',
      'Server UPDATE_IN_PROGRESS',
      'Server UPDATE_COMPLETE',
      'server UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
      'server UPDATE_COMPLETE',
    ]);
    const instance = (await lab.call('ec2', 'DescribeInstances', { InstanceIds: [id] })).Reservations[0].Instances[0];
    expect([instance.InstanceType, instance.State.Name]).toEqual(['t2.small', 'running']);
    const stopStart = lab.engine.store.db
      .prepare("SELECT operation FROM events WHERE service = 'ec2' AND operation IN ('StopInstances', 'ModifyInstanceAttribute', 'StartInstances') ORDER BY id")
      .all() as { operation: string }[];
    expect(stopStart.map((r) => r.operation)).toEqual(['StopInstances', 'ModifyInstanceAttribute', 'StartInstances']);
  });
});
