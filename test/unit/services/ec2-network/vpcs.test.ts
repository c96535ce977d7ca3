/* eslint-disable @typescript-eslint/no-explicit-any -- AWS responses are untyped JSON in these tests */
import { describe, expect, it } from 'vitest';
import { expectAwsError, netLab } from './lab';

const id = (prefix: string) => new RegExp(`^${prefix}-0[0-9a-f]{16}$`);

describe('default VPC', () => {
  it('exists on first use: 172.31.0.0/16, one /20 default subnet per zone in zone order, public addresses on launch', async () => {
    const lab = netLab();
    const { Vpcs } = await lab.ec2('DescribeVpcs');
    expect(Vpcs).toHaveLength(1);
    const vpc = Vpcs[0];
    expect(vpc).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', InstanceTenancy: 'default', OwnerId: lab.engine.account.accountId });
    expect(vpc.VpcId).toMatch(id('vpc'));
    const { Subnets } = await lab.ec2('DescribeSubnets');
    expect(Subnets.map((s: any) => [s.AvailabilityZone, s.AvailabilityZoneId, s.CidrBlock, s.DefaultForAz, s.MapPublicIpOnLaunch, s.AvailableIpAddressCount])).toEqual([
      ['us-east-1a', 'use1-az1', '172.31.0.0/20', true, true, 4091],
      ['us-east-1b', 'use1-az2', '172.31.16.0/20', true, true, 4091],
      ['us-east-1c', 'use1-az3', '172.31.32.0/20', true, true, 4091],
      ['us-east-1d', 'use1-az4', '172.31.48.0/20', true, true, 4091],
      ['us-east-1e', 'use1-az5', '172.31.64.0/20', true, true, 4091],
      ['us-east-1f', 'use1-az6', '172.31.80.0/20', true, true, 4091],
    ]);
    expect(new Set(Subnets.map((s: any) => s.VpcId))).toEqual(new Set([vpc.VpcId]));
  });

  it('has an attached internet gateway, a main route table to it, the default group and the default ACL', async () => {
    const lab = netLab();
    const vpcId = (await lab.ec2('DescribeVpcs')).Vpcs[0].VpcId;
    const igws = (await lab.ec2('DescribeInternetGateways')).InternetGateways;
    expect(igws).toHaveLength(1);
    expect(igws[0].Attachments).toEqual([{ State: 'available', VpcId: vpcId }]);
    const rtbs = (await lab.ec2('DescribeRouteTables')).RouteTables;
    expect(rtbs).toHaveLength(1);
    expect(rtbs[0].Associations).toEqual([{ Main: true, RouteTableAssociationId: expect.stringMatching(id('rtbassoc')), RouteTableId: rtbs[0].RouteTableId, AssociationState: { State: 'associated' } }]);
    expect(rtbs[0].Routes).toEqual([
      { DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: igws[0].InternetGatewayId, Origin: 'CreateRoute', State: 'active' },
    ]);
    const sgs = (await lab.ec2('DescribeSecurityGroups')).SecurityGroups;
    expect(sgs).toHaveLength(1);
    expect(sgs[0]).toEqual({
      Description: 'default VPC security group',
      GroupName: 'default',
      GroupId: expect.stringMatching(id('sg')),
      OwnerId: lab.engine.account.accountId,
      VpcId: vpcId,
      IpPermissions: [
        { IpProtocol: '-1', UserIdGroupPairs: [{ UserId: lab.engine.account.accountId, GroupId: sgs[0].GroupId }], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] },
      ],
      IpPermissionsEgress: [{ IpProtocol: '-1', UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [] }],
    });
    const acls = (await lab.ec2('DescribeNetworkAcls')).NetworkAcls;
    expect(acls).toHaveLength(1);
    expect(acls[0].IsDefault).toBe(true);
    expect(acls[0].Associations).toHaveLength(6);
    expect(acls[0].Entries).toEqual([
      { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
      { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
      { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
      { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
    ]);
  });

  it('is per account+region and is created once; a deleted default VPC does not come back', async () => {
    const lab = netLab();
    const east = (await lab.ec2('DescribeVpcs')).Vpcs[0].VpcId;
    expect((await lab.ec2('DescribeVpcs')).Vpcs[0].VpcId).toBe(east);
    const west = await lab.ec2('DescribeSubnets', {}, 'us-west-1');
    expect(west.Subnets.map((s: any) => [s.AvailabilityZone, s.CidrBlock])).toEqual([
      ['us-west-1b', '172.31.0.0/20'],
      ['us-west-1c', '172.31.16.0/20'],
    ]);
    expect((await lab.ec2('DescribeVpcs', {}, 'us-west-1')).Vpcs[0].VpcId).not.toBe(east);
  });

  it('reports itself in DescribeAccountAttributes', async () => {
    const lab = netLab();
    const vpcId = (await lab.ec2('DescribeVpcs')).Vpcs[0].VpcId;
    const out = await lab.ec2('DescribeAccountAttributes', { AttributeNames: ['supported-platforms', 'default-vpc'] });
    expect(out.AccountAttributes).toEqual([
      { AttributeName: 'supported-platforms', AttributeValues: [{ AttributeValue: 'VPC' }] },
      { AttributeName: 'default-vpc', AttributeValues: [{ AttributeValue: vpcId }] },
    ]);
    const all = await lab.ec2('DescribeAccountAttributes');
    expect(all.AccountAttributes.map((a: any) => a.AttributeName)).toEqual([
      'vpc-max-security-groups-per-interface',
      'max-instances',
      'supported-platforms',
      'default-vpc',
      'max-elastic-ips',
      'vpc-max-elastic-ips',
    ]);
    await expectAwsError(
      lab.ec2('DescribeAccountAttributes', { AttributeNames: ['max-goats'] }),
      'InvalidParameterValue',
      'Value (max-goats) for parameter attributeName is invalid. Unknown attribute.',
    );
  });
});

describe('CreateVpc', () => {
  it('creates a pending VPC with its main route table, default ACL and default group, and tags', async () => {
    const lab = netLab();
    const out = await lab.ec2('CreateVpc', {
      CidrBlock: '10.0.0.0/16',
      TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'book' }] }],
    });
    expect(out.Vpc).toEqual({
      OwnerId: lab.engine.account.accountId,
      InstanceTenancy: 'default',
      CidrBlockAssociationSet: [{ AssociationId: expect.stringMatching(id('vpc-cidr-assoc')), CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }],
      IsDefault: false,
      Tags: [{ Key: 'Name', Value: 'book' }],
      VpcId: expect.stringMatching(id('vpc')),
      State: 'pending',
      CidrBlock: '10.0.0.0/16',
      DhcpOptionsId: expect.stringMatching(id('dopt')),
    });
    const vpcId = out.Vpc.VpcId;
    const described = await lab.ec2('DescribeVpcs', { VpcIds: [vpcId] });
    expect(described.Vpcs[0].State).toBe('available');
    expect((await lab.ec2('DescribeRouteTables', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })).RouteTables[0].Routes).toEqual([
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
    ]);
    expect((await lab.ec2('DescribeNetworkAcls', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })).NetworkAcls[0].IsDefault).toBe(true);
    expect((await lab.ec2('DescribeSecurityGroups', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })).SecurityGroups.map((g: any) => g.GroupName)).toEqual(['default']);
    const attrs = await lab.ec2('DescribeVpcAttribute', { VpcId: vpcId, Attribute: 'enableDnsHostnames' });
    expect(attrs).toEqual({ VpcId: vpcId, EnableDnsHostnames: { Value: false } });
  });

  it('refuses blocks outside /16../28, malformed blocks, and a sixth VPC', async () => {
    const lab = netLab();
    await lab.rejects('CreateVpc', { CidrBlock: '10.0.0.0/8' }, 'InvalidVpc.Range', "The CIDR '10.0.0.0/8' is invalid.");
    await lab.rejects('CreateVpc', { CidrBlock: '10.0.0.0/29' }, 'InvalidVpc.Range', "The CIDR '10.0.0.0/29' is invalid.");
    await lab.rejects('CreateVpc', { CidrBlock: '10.0.0.300/16' }, 'InvalidParameterValue', 'Value (10.0.0.300/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.');
    await lab.rejects('CreateVpc', { CidrBlock: '10.0.0.1/16' }, 'InvalidParameterValue', 'Value (10.0.0.1/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.');
    await lab.rejects('CreateVpc', { CidrBlock: '10.0.0.0/16', InstanceTenancy: 'host' }, 'InvalidParameterValue', 'Value (host) for parameter instanceTenancy is invalid. Valid values: default, dedicated');
    await lab.rejects(
      'CreateVpc',
      { CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'a', Value: 'b' }] }] },
      'InvalidParameterValue',
      "'subnet' is not a valid taggable resource type for this operation.",
    );
    for (let i = 0; i < 4; i++) await lab.ec2('CreateVpc', { CidrBlock: `10.${i}.0.0/16` });
    await lab.rejects('CreateVpc', { CidrBlock: '10.9.0.0/16' }, 'VpcLimitExceeded', 'The maximum number of VPCs has been reached.');
  });

  it('answers DryRun with DryRunOperation and creates nothing', async () => {
    const lab = netLab();
    await lab.rejects('CreateVpc', { CidrBlock: '10.0.0.0/16', DryRun: true }, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  });
});

describe('DescribeVpcs', () => {
  it('selects by id, filters (tags, wildcards, OR within a filter, AND across), and pages', async () => {
    const lab = netLab();
    const a = (await lab.ec2('CreateVpc', { CidrBlock: '10.1.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'web-a' }] }] })).Vpc.VpcId;
    const b = (await lab.ec2('CreateVpc', { CidrBlock: '10.2.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'web-b' }, { Key: 'env', Value: 'prod' }] }] })).Vpc.VpcId;
    const ids = async (input: Record<string, unknown>) => (await lab.ec2('DescribeVpcs', input)).Vpcs.map((v: any) => v.VpcId);
    expect(await ids({ VpcIds: [b, a] })).toEqual([a, b]);
    expect(await ids({ Filters: [{ Name: 'tag:Name', Values: ['web-*'] }] })).toEqual([a, b]);
    expect(await ids({ Filters: [{ Name: 'tag:Name', Values: ['web-?'] }, { Name: 'tag-key', Values: ['env'] }] })).toEqual([b]);
    expect(await ids({ Filters: [{ Name: 'cidr', Values: ['10.1.0.0/16', '10.2.0.0/16'] }] })).toEqual([a, b]);
    expect(await ids({ Filters: [{ Name: 'is-default', Values: ['false'] }, { Name: 'tag-value', Values: ['prod'] }] })).toEqual([b]);
    const page1 = await lab.ec2('DescribeVpcs', { MaxResults: 5 });
    expect(page1.Vpcs).toHaveLength(3);
    expect(page1.NextToken).toBeUndefined();
  });

  it('pages with MaxResults/NextToken and checks their bounds', async () => {
    const lab = netLab();
    for (let i = 0; i < 4; i++) await lab.ec2('CreateVpc', { CidrBlock: `10.${i}.0.0/16` });
    const all = (await lab.ec2('DescribeVpcs')).Vpcs.map((v: any) => v.VpcId);
    expect(all).toHaveLength(5);
    await lab.ec2('CreateTags', { Resources: all, Tags: [{ Key: 'k', Value: 'v' }] });
    const first = await lab.ec2('DescribeVpcs', { MaxResults: 5 });
    expect(first.NextToken).toBeUndefined();
    const subnets = (await lab.ec2('DescribeSubnets', { MaxResults: 5 }));
    expect(subnets.Subnets).toHaveLength(5);
    const rest = await lab.ec2('DescribeSubnets', { MaxResults: 5, NextToken: subnets.NextToken });
    expect(rest.Subnets).toHaveLength(1);
    expect(rest.NextToken).toBeUndefined();
    await expectAwsError(lab.ec2('DescribeVpcs', { MaxResults: 4 }), 'InvalidParameterValue', 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.');
    await expectAwsError(lab.ec2('DescribeVpcs', { MaxResults: 1001 }), 'InvalidParameterValue', 'Value ( 1001 ) for parameter maxResults is invalid. Expecting a value less than 1000.');
    await expectAwsError(lab.ec2('DescribeVpcs', { MaxResults: 5, VpcIds: [all[0]] }), 'InvalidParameterCombination', 'The parameter vpcIds cannot be used with the parameter maxResults');
    await expectAwsError(lab.ec2('DescribeVpcs', { NextToken: 'bogus' }), 'InvalidNextToken', "The token 'bogus' is invalid.");
    await expectAwsError(lab.ec2('DescribeVpcs', { NextToken: subnets.NextToken }), 'InvalidNextToken', `The token '${subnets.NextToken}' is invalid.`);
  });

  it('names unknown filters and ids the way AWS does', async () => {
    const lab = netLab();
    await expectAwsError(lab.ec2('DescribeVpcs', { Filters: [{ Name: 'colour', Values: ['red'] }] }), 'InvalidParameterValue', "The filter 'colour' is invalid");
    await expectAwsError(lab.ec2('DescribeVpcs', { VpcIds: ['vpc-0123456789abcdef0'] }), 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    await expectAwsError(lab.ec2('DescribeVpcs', { VpcIds: ['vpc-nope'] }), 'InvalidVpcID.Malformed', 'Invalid id: "vpc-nope" (expecting "vpc-...")');
  });
});

describe('DeleteVpc', () => {
  it('refuses while subnets or an attached gateway remain, then removes the VPC and what came with it', async () => {
    const lab = netLab();
    const vpcId = (await lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    const subnetId = (await lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.0/24' })).Subnet.SubnetId;
    await lab.rejects('DeleteVpc', { VpcId: vpcId }, 'DependencyViolation', `The vpc '${vpcId}' has dependencies and cannot be deleted.`);
    await lab.ec2('DeleteSubnet', { SubnetId: subnetId });
    const igw = (await lab.ec2('CreateInternetGateway')).InternetGateway.InternetGatewayId;
    await lab.ec2('AttachInternetGateway', { InternetGatewayId: igw, VpcId: vpcId });
    await lab.rejects('DeleteVpc', { VpcId: vpcId }, 'DependencyViolation', `The vpc '${vpcId}' has dependencies and cannot be deleted.`);
    await lab.ec2('DetachInternetGateway', { InternetGatewayId: igw, VpcId: vpcId });
    await lab.ec2('CreateTags', { Resources: [vpcId], Tags: [{ Key: 'Name', Value: 'gone' }] });
    await lab.ec2('DeleteVpc', { VpcId: vpcId });
    await expectAwsError(lab.ec2('DescribeVpcs', { VpcIds: [vpcId] }), 'InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
    const left = lab.snapshot();
    expect(left.ec2_route_tables).toHaveLength(1);
    expect(left.ec2_security_groups).toHaveLength(1);
    expect(left.ec2_network_acls).toHaveLength(1);
    expect((left.ec2_tags as any[]).filter((t) => t.resource_id === vpcId)).toEqual([]);
  });

  it('deletes the default VPC for good once it is empty', async () => {
    const lab = netLab();
    const vpcId = (await lab.ec2('DescribeVpcs')).Vpcs[0].VpcId;
    for (const s of (await lab.ec2('DescribeSubnets')).Subnets) await lab.ec2('DeleteSubnet', { SubnetId: s.SubnetId });
    const igw = (await lab.ec2('DescribeInternetGateways')).InternetGateways[0].InternetGatewayId;
    await lab.ec2('DetachInternetGateway', { InternetGatewayId: igw, VpcId: vpcId });
    await lab.ec2('DeleteVpc', { VpcId: vpcId });
    expect((await lab.ec2('DescribeVpcs')).Vpcs).toEqual([]);
    expect((await lab.ec2('DescribeAccountAttributes', { AttributeNames: ['default-vpc'] })).AccountAttributes[0].AttributeValues).toEqual([
      { AttributeValue: 'none' },
    ]);
    await expectAwsError(lab.ec2('CreateSecurityGroup', { GroupName: 'web', Description: 'web' }), 'VPCIdNotSpecified', 'No default VPC for this user');
  });
});

describe('ModifyVpcAttribute / DescribeVpcAttribute', () => {
  it('turns DNS hostnames on, one attribute per call, only with DNS support', async () => {
    const lab = netLab();
    const vpcId = (await lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    await lab.ec2('ModifyVpcAttribute', { VpcId: vpcId, EnableDnsHostnames: { Value: true } });
    expect(await lab.ec2('DescribeVpcAttribute', { VpcId: vpcId, Attribute: 'enableDnsHostnames' })).toEqual({ VpcId: vpcId, EnableDnsHostnames: { Value: true } });
    expect(await lab.ec2('DescribeVpcAttribute', { VpcId: vpcId, Attribute: 'enableDnsSupport' })).toEqual({ VpcId: vpcId, EnableDnsSupport: { Value: true } });
    await lab.rejects(
      'ModifyVpcAttribute',
      { VpcId: vpcId, EnableDnsHostnames: { Value: false }, EnableDnsSupport: { Value: false } },
      'InvalidParameterCombination',
      'Only one attribute can be modified at a time',
    );
    await lab.ec2('ModifyVpcAttribute', { VpcId: vpcId, EnableDnsHostnames: { Value: false } });
    await lab.ec2('ModifyVpcAttribute', { VpcId: vpcId, EnableDnsSupport: { Value: false } });
    await lab.rejects('ModifyVpcAttribute', { VpcId: vpcId, EnableDnsHostnames: { Value: true } }, 'InvalidParameterValue', 'enableDnsHostnames can only be true if enableDnsSupport is also true.');
    await expectAwsError(
      lab.ec2('DescribeVpcAttribute', { VpcId: vpcId, Attribute: 'colour' }),
      'InvalidParameterValue',
      'Value (colour) for parameter attribute is invalid. Unknown attribute.',
    );
  });
});
