/* eslint-disable @typescript-eslint/no-explicit-any -- AWS responses are untyped JSON in these tests */
import { describe, expect, it } from 'vitest';
import { expectAwsError, netLab } from './lab';

async function vpc(lab: ReturnType<typeof netLab>) {
  return (await lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId as string;
}

describe('CreateSubnet', () => {
  it('creates a subnet in the named zone, associated with the default ACL, with 5 reserved addresses', async () => {
    const lab = netLab();
    const vpcId = await vpc(lab);
    const out = await lab.ec2('CreateSubnet', {
      VpcId: vpcId,
      CidrBlock: '10.0.1.0/24',
      AvailabilityZone: 'us-east-1b',
      TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: 'public' }] }],
    });
    expect(out.Subnet).toMatchObject({
      VpcId: vpcId,
      CidrBlock: '10.0.1.0/24',
      AvailabilityZone: 'us-east-1b',
      AvailabilityZoneId: 'use1-az2',
      AvailableIpAddressCount: 251,
      DefaultForAz: false,
      MapPublicIpOnLaunch: false,
      State: 'available',
      Tags: [{ Key: 'Name', Value: 'public' }],
      SubnetArn: `arn:aws:ec2:us-east-1:${lab.engine.account.accountId}:subnet/${out.Subnet.SubnetId}`,
    });
    const acl = (await lab.ec2('DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [out.Subnet.SubnetId] }] })).NetworkAcls;
    expect(acl).toHaveLength(1);
    expect(acl[0].IsDefault).toBe(true);
    const tiny = await lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.2.0/28' });
    expect(tiny.Subnet.AvailableIpAddressCount).toBe(11);
    expect(tiny.Subnet.AvailabilityZone).toBe('us-east-1a');
  });

  it('refuses blocks outside the VPC, overlapping blocks, bad zones and unknown VPCs, changing nothing', async () => {
    const lab = netLab();
    const vpcId = await vpc(lab);
    await lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.0/24' });
    await lab.rejects('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.1.0.0/24' }, 'InvalidSubnet.Range', "The CIDR '10.1.0.0/24' is invalid.");
    await lab.rejects('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.0.0/29' }, 'InvalidSubnet.Range', "The CIDR '10.0.0.0/29' is invalid.");
    await lab.rejects('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.128/25' }, 'InvalidSubnet.Conflict', "The CIDR '10.0.1.128/25' conflicts with another subnet");
    await lab.rejects('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.0.0/16' }, 'InvalidSubnet.Conflict', "The CIDR '10.0.0.0/16' conflicts with another subnet");
    await lab.rejects('CreateSubnet', { VpcId: vpcId, CidrBlock: 'ten/24' }, 'InvalidParameterValue', 'Value (ten/24) for parameter cidrBlock is invalid. This is not a valid CIDR block.');
    await lab.rejects(
      'CreateSubnet',
      { VpcId: vpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1z' },
      'InvalidParameterValue',
      'Value (us-east-1z) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f.',
    );
    await lab.rejects('CreateSubnet', { VpcId: 'vpc-0000000000000000a', CidrBlock: '10.0.2.0/24' }, 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0000000000000000a' does not exist");
    await lab.rejects('CreateSubnet', { VpcId: vpcId }, 'MissingParameter', 'The request must contain the parameter cidrBlock');
  });
});

describe('DescribeSubnets / ModifySubnetAttribute / DeleteSubnet', () => {
  it('filters by vpc, zone and default-for-az', async () => {
    const lab = netLab();
    const vpcId = await vpc(lab);
    const s = (await lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1c' })).Subnet.SubnetId;
    const ids = async (filters: unknown) => (await lab.ec2('DescribeSubnets', { Filters: filters })).Subnets.map((x: any) => x.SubnetId);
    expect(await ids([{ Name: 'vpc-id', Values: [vpcId] }])).toEqual([s]);
    expect(await ids([{ Name: 'availability-zone', Values: ['us-east-1c'] }, { Name: 'default-for-az', Values: ['false'] }])).toEqual([s]);
    expect((await ids([{ Name: 'availability-zone', Values: ['us-east-1c'] }])).length).toBe(2);
    await expectAwsError(lab.ec2('DescribeSubnets', { SubnetIds: ['subnet-0000000000000000a'] }), 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-0000000000000000a' does not exist");
    await expectAwsError(lab.ec2('DescribeSubnets', { SubnetIds: ['sn-1'] }), 'InvalidSubnetID.Malformed', 'Invalid id: "sn-1" (expecting "subnet-...")');
  });

  it('makes a subnet public on launch', async () => {
    const lab = netLab();
    const vpcId = await vpc(lab);
    const s = (await lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.0/24' })).Subnet.SubnetId;
    await lab.ec2('ModifySubnetAttribute', { SubnetId: s, MapPublicIpOnLaunch: { Value: true } });
    expect((await lab.ec2('DescribeSubnets', { SubnetIds: [s] })).Subnets[0].MapPublicIpOnLaunch).toBe(true);
    await lab.rejects(
      'ModifySubnetAttribute',
      { SubnetId: s, MapPublicIpOnLaunch: { Value: false }, EnableDns64: { Value: true } },
      'InvalidParameterCombination',
      'Only one attribute can be modified at a time',
    );
  });

  it('refuses to delete a subnet with interfaces, and removes its ACL association and tags otherwise', async () => {
    const lab = netLab();
    const vpcId = await vpc(lab);
    const s = (await lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.0/24' })).Subnet.SubnetId;
    const eni = (await lab.ec2('CreateNetworkInterface', { SubnetId: s })).NetworkInterface.NetworkInterfaceId;
    await lab.rejects('DeleteSubnet', { SubnetId: s }, 'DependencyViolation', `The subnet '${s}' has dependencies and cannot be deleted.`);
    await lab.ec2('DeleteNetworkInterface', { NetworkInterfaceId: eni });
    await lab.ec2('CreateTags', { Resources: [s], Tags: [{ Key: 'a', Value: 'b' }] });
    await lab.ec2('DeleteSubnet', { SubnetId: s });
    const snap = lab.snapshot();
    expect((snap.ec2_network_acl_associations as any[]).filter((a) => a.subnet_id === s)).toEqual([]);
    expect((snap.ec2_tags as any[]).filter((t) => t.resource_id === s)).toEqual([]);
  });
});
