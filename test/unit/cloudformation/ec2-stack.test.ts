import { describe, expect, it } from 'vitest';
import { cfnLab, fixture } from './lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('a web server stack through EC2', () => {
  it('creates the VPC layout and the instance, waits for its signal, tags what it made, then deletes it all', async () => {
    const lab = cfnLab();
    await lab.call('ec2', 'CreateKeyPair', { KeyName: 'mykey' });
    const { StackId } = await lab.cfn('CreateStack', {
      StackName: 'web',
      TemplateBody: fixture('web-server.yaml'),
      Parameters: [{ ParameterKey: 'KeyName', ParameterValue: 'mykey' }],
      Tags: [{ Key: 'chapter', Value: '4' }],
    });
    await lab.run(180_000);
    const server = (await lab.cfn('DescribeStackResource', { StackName: 'web', LogicalResourceId: 'WebServer' })).StackResourceDetail;
    expect(server.ResourceStatus).toBe('CREATE_IN_PROGRESS');
    expect(await lab.status('web')).toBe('CREATE_IN_PROGRESS');
    // cfn-init reads this metadata through DescribeStackResource.
    expect(JSON.parse(server.Metadata)['AWS::CloudFormation::Init'].configSets).toEqual({ default: ['install', 'site'] });
    const instanceId = server.PhysicalResourceId as string;
    const reservation = (await lab.call('ec2', 'DescribeInstances', { InstanceIds: [instanceId] })).Reservations[0];
    const instance = reservation.Instances[0];
    expect(instance.State.Name).toBe('running');
    expect(instance.ImageId).toBe('ami-6057e21a');
    expect(instance.KeyName).toBe('mykey');
    const tags = Object.fromEntries(instance.Tags.map((t: any) => [t.Key, t.Value]));
    // Stack tags always propagate; the aws:cloudformation:* tags too wherever EC2 lets CloudFormation set aws: keys.
    const cfn = lab.engine.servicePrincipal('cloudformation');
    const awsKeysAllowed = await lab.engine
      .call(cfn, 'ec2', 'CreateTags', { Resources: [instanceId], Tags: [{ Key: 'aws:cloudformation:probe', Value: 'x' }] }, { region: 'us-east-1', source: 'internal' })
      .then(
        () => true,
        () => false,
      );
    if (awsKeysAllowed) await lab.engine.call(cfn, 'ec2', 'DeleteTags', { Resources: [instanceId], Tags: [{ Key: 'aws:cloudformation:probe' }] }, { region: 'us-east-1', source: 'internal' });
    expect(tags).toEqual({
      chapter: '4',
      ...(awsKeysAllowed ? { 'aws:cloudformation:stack-name': 'web', 'aws:cloudformation:stack-id': StackId, 'aws:cloudformation:logical-id': 'WebServer' } : {}),
    });
    const userData = (await lab.call('ec2', 'DescribeInstanceAttribute', { InstanceId: instanceId, Attribute: 'userData' })).UserData.Value;
    expect(Buffer.from(userData, 'base64').toString()).toBe(
      '#!/bin/bash -x\n/opt/aws/bin/cfn-init -v --stack web --resource WebServer --region us-east-1\n/opt/aws/bin/cfn-signal -e $? --stack web --resource WebServer --region us-east-1\n',
    );

    await lab.cfn('SignalResource', { StackName: 'web', LogicalResourceId: 'WebServer', UniqueId: instanceId, Status: 'SUCCESS' });
    await lab.settle();
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'web' })).Stacks[0];
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    const out = Object.fromEntries(stack.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    const vpc = (await lab.call('ec2', 'DescribeVpcs', { VpcIds: [out.VpcId] })).Vpcs[0];
    expect(vpc.CidrBlock).toBe('10.20.0.0/16');
    const running = (await lab.call('ec2', 'DescribeInstances', { InstanceIds: [instanceId] })).Reservations[0].Instances[0];
    expect(out).toEqual({
      VpcId: vpc.VpcId,
      DefaultSecurityGroup: (await lab.call('ec2', 'DescribeSecurityGroups', { Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId] }, { Name: 'group-name', Values: ['default'] }] })).SecurityGroups[0].GroupId,
      SubnetZone: 'us-east-1a',
      PublicName: running.PublicDnsName,
      URL: `http://${running.PublicIpAddress}`,
    });
    expect(running.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(running.SubnetId).toBe((await lab.cfn('DescribeStackResource', { StackName: 'web', LogicalResourceId: 'PublicSubnet' })).StackResourceDetail.PhysicalResourceId);
    const subnet = (await lab.call('ec2', 'DescribeSubnets', { SubnetIds: [running.SubnetId] })).Subnets[0];
    expect([subnet.CidrBlock, subnet.MapPublicIpOnLaunch]).toEqual(['10.20.0.0/24', true]);
    const rt = (await lab.call('ec2', 'DescribeRouteTables', { Filters: [{ Name: 'association.subnet-id', Values: [running.SubnetId] }] })).RouteTables[0];
    expect(rt.Routes.map((r: any) => [r.DestinationCidrBlock, r.GatewayId])).toEqual([
      ['10.20.0.0/16', 'local'],
      ['0.0.0.0/0', (await lab.cfn('DescribeStackResource', { StackName: 'web', LogicalResourceId: 'InternetGateway' })).StackResourceDetail.PhysicalResourceId],
    ]);

    await lab.cfn('DeleteStack', { StackName: 'web' });
    await lab.settle();
    expect((await lab.cfn('DescribeStacks', { StackName: StackId })).Stacks[0].StackStatus).toBe('DELETE_COMPLETE');
    expect((await lab.call('ec2', 'DescribeInstances', { InstanceIds: [instanceId] })).Reservations[0].Instances[0].State.Name).toBe('terminated');
    expect((await lab.call('ec2', 'DescribeVpcs', { Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId] }] })).Vpcs).toEqual([]);
    // Every call CloudFormation made is in the event history, as the CloudFormation service principal.
    const rows = lab.engine.store.db.prepare("SELECT DISTINCT operation FROM events WHERE service = 'ec2' AND principal_arn LIKE '%cloudformation.amazonaws.com'").all() as { operation: string }[];
    expect(rows.map((r) => r.operation)).toEqual(expect.arrayContaining(['CreateVpc', 'RunInstances', 'TerminateInstances', 'DeleteVpc']));
  });
});
