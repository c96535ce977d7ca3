/* eslint-disable @typescript-eslint/no-explicit-any -- AWS responses are untyped JSON in these tests */
import { describe, expect, it } from 'vitest';
import { expectAwsError, netLab, publicPrivateVpc } from './lab';

describe('Elastic IP addresses', () => {
  it('allocates from the region pool, associates to an interface, moves only with AllowReassociation, releases', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const a = await lab.ec2('AllocateAddress', { Domain: 'vpc', TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: [{ Key: 'Name', Value: 'web' }] }] });
    expect(a).toEqual({ PublicIp: '54.160.1.10', AllocationId: expect.stringMatching(/^eipalloc-0[0-9a-f]{16}$/), PublicIpv4Pool: 'amazon', NetworkBorderGroup: 'us-east-1', Domain: 'vpc' });
    expect((await lab.ec2('AllocateAddress')).PublicIp).toBe('54.160.1.11');
    expect((await lab.ec2('AllocateAddress', {}, 'eu-west-1')).PublicIp).toBe('54.75.1.10');
    const eni1 = (await lab.ec2('CreateNetworkInterface', { SubnetId: net.publicSubnet })).NetworkInterface.NetworkInterfaceId;
    const eni2 = (await lab.ec2('CreateNetworkInterface', { SubnetId: net.publicSubnet })).NetworkInterface.NetworkInterfaceId;
    const assoc = (await lab.ec2('AssociateAddress', { AllocationId: a.AllocationId, NetworkInterfaceId: eni1 })).AssociationId;
    expect(assoc).toMatch(/^eipassoc-0[0-9a-f]{16}$/);
    expect((await lab.ec2('DescribeAddresses', { PublicIps: ['54.160.1.10'] })).Addresses).toEqual([
      {
        AllocationId: a.AllocationId,
        AssociationId: assoc,
        Domain: 'vpc',
        NetworkInterfaceId: eni1,
        NetworkInterfaceOwnerId: lab.engine.account.accountId,
        PrivateIpAddress: '10.0.1.4',
        PublicIp: '54.160.1.10',
        PublicIpv4Pool: 'amazon',
        NetworkBorderGroup: 'us-east-1',
        Tags: [{ Key: 'Name', Value: 'web' }],
      },
    ]);
    const eni = (await lab.ec2('DescribeNetworkInterfaces', { NetworkInterfaceIds: [eni1] })).NetworkInterfaces[0];
    expect(eni.Association).toEqual({ IpOwnerId: lab.engine.account.accountId, PublicDnsName: '', PublicIp: '54.160.1.10', AllocationId: a.AllocationId, AssociationId: assoc });
    await lab.rejects('AssociateAddress', { AllocationId: a.AllocationId, NetworkInterfaceId: eni2 }, 'Resource.AlreadyAssociated', `resource ${a.AllocationId} is already associated with associate-id ${assoc}`);
    await lab.rejects('ReleaseAddress', { AllocationId: a.AllocationId }, 'InvalidIPAddress.InUse', 'Address 54.160.1.10 is in use.');
    const moved = (await lab.ec2('AssociateAddress', { AllocationId: a.AllocationId, NetworkInterfaceId: eni2, AllowReassociation: true })).AssociationId;
    expect((await lab.ec2('DescribeAddresses', { AllocationIds: [a.AllocationId] })).Addresses[0]).toMatchObject({ NetworkInterfaceId: eni2, AssociationId: moved });
    await lab.ec2('DisassociateAddress', { AssociationId: moved });
    await lab.rejects('DisassociateAddress', { AssociationId: moved }, 'InvalidAssociationID.NotFound', `The association ID '${moved}' does not exist`);
    await lab.ec2('ReleaseAddress', { AllocationId: a.AllocationId });
    await expectAwsError(lab.ec2('DescribeAddresses', { AllocationIds: [a.AllocationId] }), 'InvalidAllocationID.NotFound', `The allocation ID '${a.AllocationId}' does not exist`);
    await expectAwsError(lab.ec2('DescribeAddresses', { PublicIps: ['1.2.3.4'] }), 'InvalidAddress.NotFound', "Address '1.2.3.4' not found.");
  });

  it('needs an internet gateway on the VPC and stops at five addresses', async () => {
    const lab = netLab();
    const vpcId = (await lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    const subnet = (await lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.0/24' })).Subnet.SubnetId;
    const eni = (await lab.ec2('CreateNetworkInterface', { SubnetId: subnet })).NetworkInterface.NetworkInterfaceId;
    const alloc = (await lab.ec2('AllocateAddress')).AllocationId;
    await lab.rejects('AssociateAddress', { AllocationId: alloc, NetworkInterfaceId: eni }, 'Gateway.NotAttached', `Network ${vpcId} is not attached to any internet gateway`);
    await lab.rejects('AssociateAddress', { AllocationId: alloc }, 'MissingParameter', 'The request must contain the parameter instanceId or networkInterfaceId');
    for (let i = 0; i < 4; i++) await lab.ec2('AllocateAddress');
    await lab.rejects('AllocateAddress', {}, 'AddressLimitExceeded', 'The maximum number of addresses has been reached.');
  });
});

describe('network interfaces', () => {
  it('takes the lowest free address after the four reserved ones, with the default group', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const out = (await lab.ec2('CreateNetworkInterface', { SubnetId: net.privateSubnet, Description: 'spare', TagSpecifications: [{ ResourceType: 'network-interface', Tags: [{ Key: 'k', Value: 'v' }] }] }))
      .NetworkInterface;
    expect(out).toMatchObject({
      AvailabilityZone: 'us-east-1a',
      Description: 'spare',
      Groups: [{ GroupId: net.defaultSg, GroupName: 'default' }],
      InterfaceType: 'interface',
      OwnerId: lab.engine.account.accountId,
      PrivateDnsName: 'ip-10-0-2-4.ec2.internal',
      PrivateIpAddress: '10.0.2.4',
      PrivateIpAddresses: [{ Primary: true, PrivateDnsName: 'ip-10-0-2-4.ec2.internal', PrivateIpAddress: '10.0.2.4' }],
      RequesterManaged: false,
      SourceDestCheck: true,
      Status: 'pending',
      SubnetId: net.privateSubnet,
      TagSet: [{ Key: 'k', Value: 'v' }],
      VpcId: net.vpcId,
    });
    expect(out.MacAddress).toMatch(/^(02|06|0a|0e|12|16)(:[0-9a-f]{2}){5}$/);
    const second = (await lab.ec2('CreateNetworkInterface', { SubnetId: net.privateSubnet, PrivateIpAddress: '10.0.2.50', SecondaryPrivateIpAddressCount: 1 })).NetworkInterface;
    expect(second.PrivateIpAddresses.map((p: any) => [p.PrivateIpAddress, p.Primary])).toEqual([
      ['10.0.2.50', true],
      ['10.0.2.5', false],
    ]);
    expect((await lab.ec2('DescribeSubnets', { SubnetIds: [net.privateSubnet] })).Subnets[0].AvailableIpAddressCount).toBe(248);
    await lab.rejects('CreateNetworkInterface', { SubnetId: net.privateSubnet, PrivateIpAddress: '10.0.2.50' }, 'InvalidIPAddress.InUse', 'The specified address 10.0.2.50 is already in use.');
    await lab.rejects('CreateNetworkInterface', { SubnetId: net.privateSubnet, PrivateIpAddress: '10.0.2.3' }, 'InvalidParameterValue', 'The address 10.0.2.3 is reserved by AWS and cannot be assigned.');
    await lab.rejects('CreateNetworkInterface', { SubnetId: net.privateSubnet, PrivateIpAddress: '10.0.1.9' }, 'InvalidParameterValue', "Address does not fall within the subnet's address range: 10.0.1.9 is not in 10.0.2.0/24");
  });

  it('assigns and unassigns secondary addresses, changes groups, and is deleted only when detached', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const eni = (await lab.ec2('CreateNetworkInterface', { SubnetId: net.publicSubnet })).NetworkInterface.NetworkInterfaceId;
    const assigned = await lab.ec2('AssignPrivateIpAddresses', { NetworkInterfaceId: eni, SecondaryPrivateIpAddressCount: 2 });
    expect(assigned).toEqual({ NetworkInterfaceId: eni, AssignedPrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.5' }, { PrivateIpAddress: '10.0.1.6' }] });
    await lab.ec2('UnassignPrivateIpAddresses', { NetworkInterfaceId: eni, PrivateIpAddresses: ['10.0.1.5'] });
    await lab.rejects('UnassignPrivateIpAddresses', { NetworkInterfaceId: eni, PrivateIpAddresses: ['10.0.1.4'] }, 'InvalidParameterValue', 'The primary private IP address 10.0.1.4 of a network interface cannot be unassigned.');
    await lab.rejects('UnassignPrivateIpAddresses', { NetworkInterfaceId: eni, PrivateIpAddresses: ['10.0.1.99'] }, 'InvalidParameterValue', `Some of the specified addresses are not assigned to interface ${eni}`);
    const web = (await lab.ec2('CreateSecurityGroup', { GroupName: 'web', Description: 'web', VpcId: net.vpcId })).GroupId;
    await lab.ec2('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: eni, Groups: [web, net.defaultSg] });
    const other = (await lab.ec2('DescribeSecurityGroups', { GroupNames: ['default'] })).SecurityGroups[0].GroupId;
    await lab.rejects('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: eni, Groups: [other] }, 'InvalidParameter', 'Security groups must all belong to the same VPC as the network interface.');
    await lab.ec2('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: eni, SourceDestCheck: { Value: false } });
    const view = (await lab.ec2('DescribeNetworkInterfaces', { Filters: [{ Name: 'group-id', Values: [web] }] })).NetworkInterfaces[0];
    expect([view.NetworkInterfaceId, view.Groups.map((g: any) => g.GroupName), view.SourceDestCheck, view.PrivateIpAddresses.map((p: any) => p.PrivateIpAddress)]).toEqual([
      eni,
      ['web', 'default'],
      false,
      ['10.0.1.4', '10.0.1.6'],
    ]);
    await lab.ec2('DeleteNetworkInterface', { NetworkInterfaceId: eni });
    await expectAwsError(lab.ec2('DeleteNetworkInterface', { NetworkInterfaceId: eni }), 'InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${eni}' does not exist`);
    await expectAwsError(lab.ec2('DescribeNetworkInterfaces', { NetworkInterfaceIds: ['eni-x'] }), 'InvalidNetworkInterfaceId.Malformed', 'Invalid id: "eni-x" (expecting "eni-...")');
  });
});
