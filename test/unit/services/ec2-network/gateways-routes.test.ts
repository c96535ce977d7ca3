/* eslint-disable @typescript-eslint/no-explicit-any -- AWS responses are untyped JSON in these tests */
import { describe, expect, it } from 'vitest';
import { NAT_DELETING_MS, NAT_PENDING_MS } from '../../../../src-main/engine/services/ec2/state/nat-gateways';
import { expectAwsError, netLab, publicPrivateVpc } from './lab';

describe('internet gateways', () => {
  it('attach to one VPC each, refuse double attachments, detach and delete', async () => {
    const lab = netLab();
    const vpcA = (await lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    const vpcB = (await lab.ec2('CreateVpc', { CidrBlock: '10.1.0.0/16' })).Vpc.VpcId;
    const igw = (await lab.ec2('CreateInternetGateway', { TagSpecifications: [{ ResourceType: 'internet-gateway', Tags: [{ Key: 'Name', Value: 'gw' }] }] })).InternetGateway;
    expect(igw).toEqual({ Attachments: [], InternetGatewayId: expect.stringMatching(/^igw-0[0-9a-f]{16}$/), OwnerId: lab.engine.account.accountId, Tags: [{ Key: 'Name', Value: 'gw' }] });
    const igwId = igw.InternetGatewayId;
    await lab.ec2('AttachInternetGateway', { InternetGatewayId: igwId, VpcId: vpcA });
    await lab.rejects('AttachInternetGateway', { InternetGatewayId: igwId, VpcId: vpcB }, 'Resource.AlreadyAssociated', `resource ${igwId} is already attached to network ${vpcA}`);
    const other = (await lab.ec2('CreateInternetGateway')).InternetGateway.InternetGatewayId;
    await lab.rejects('AttachInternetGateway', { InternetGatewayId: other, VpcId: vpcA }, 'InvalidParameterValue', `Network ${vpcA} already has an internet gateway attached`);
    await lab.rejects('DeleteInternetGateway', { InternetGatewayId: igwId }, 'DependencyViolation', `The internetGateway '${igwId}' has dependencies and cannot be deleted.`);
    await lab.rejects('DetachInternetGateway', { InternetGatewayId: igwId, VpcId: vpcB }, 'Gateway.NotAttached', `resource ${igwId} is not attached to network ${vpcB}`);
    const filtered = await lab.ec2('DescribeInternetGateways', { Filters: [{ Name: 'attachment.vpc-id', Values: [vpcA] }] });
    expect(filtered.InternetGateways.map((g: any) => g.InternetGatewayId)).toEqual([igwId]);
    await lab.ec2('DetachInternetGateway', { InternetGatewayId: igwId, VpcId: vpcA });
    await lab.ec2('DeleteInternetGateway', { InternetGatewayId: igwId });
    await expectAwsError(
      lab.ec2('DescribeInternetGateways', { InternetGatewayIds: [igwId] }),
      'InvalidInternetGatewayID.NotFound',
      `The internetGateway ID '${igwId}' does not exist`,
    );
  });

  it('will not detach while the VPC has public addresses mapped', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const eni = (await lab.ec2('CreateNetworkInterface', { SubnetId: net.publicSubnet })).NetworkInterface.NetworkInterfaceId;
    const alloc = (await lab.ec2('AllocateAddress', { Domain: 'vpc' })).AllocationId;
    await lab.ec2('AssociateAddress', { AllocationId: alloc, NetworkInterfaceId: eni });
    await lab.rejects(
      'DetachInternetGateway',
      { InternetGatewayId: net.igwId, VpcId: net.vpcId },
      'DependencyViolation',
      `Network ${net.vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`,
    );
  });
});

describe('route tables and routes', () => {
  it('routes a public subnet to the internet gateway through its own table', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const t = (await lab.ec2('DescribeRouteTables', { RouteTableIds: [net.publicRtb] })).RouteTables[0];
    expect(t.Routes).toEqual([
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: net.igwId, Origin: 'CreateRoute', State: 'active' },
    ]);
    expect(t.Associations).toEqual([
      { Main: false, RouteTableAssociationId: expect.stringMatching(/^rtbassoc-/), RouteTableId: net.publicRtb, SubnetId: net.publicSubnet, AssociationState: { State: 'associated' } },
    ]);
    const bySubnet = await lab.ec2('DescribeRouteTables', { Filters: [{ Name: 'association.subnet-id', Values: [net.publicSubnet] }] });
    expect(bySubnet.RouteTables.map((r: any) => r.RouteTableId)).toEqual([net.publicRtb]);
    const byGateway = await lab.ec2('DescribeRouteTables', { Filters: [{ Name: 'route.gateway-id', Values: [net.igwId] }] });
    expect(byGateway.RouteTables.map((r: any) => r.RouteTableId)).toEqual([net.publicRtb]);
  });

  it('refuses duplicate, local and cross-network routes, and reports blackholes', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    await lab.rejects('CreateRoute', { RouteTableId: net.publicRtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: net.igwId }, 'RouteAlreadyExists', 'The route identified by 0.0.0.0/0 already exists.');
    await lab.rejects('DeleteRoute', { RouteTableId: net.publicRtb, DestinationCidrBlock: '10.0.0.0/16' }, 'InvalidParameterValue', `cannot remove local route 10.0.0.0/16 in route table ${net.publicRtb}`);
    await lab.rejects('DeleteRoute', { RouteTableId: net.publicRtb, DestinationCidrBlock: '192.168.0.0/16' }, 'InvalidRoute.NotFound', `no route with destination-cidr-block 192.168.0.0/16 in route table ${net.publicRtb}`);
    await lab.rejects(
      'ReplaceRoute',
      { RouteTableId: net.publicRtb, DestinationCidrBlock: '192.168.0.0/16', GatewayId: net.igwId },
      'InvalidParameterValue',
      "There is no route defined for '192.168.0.0/16' in the route table. Use CreateRoute instead.",
    );
    const loose = (await lab.ec2('CreateInternetGateway')).InternetGateway.InternetGatewayId;
    await lab.rejects(
      'CreateRoute',
      { RouteTableId: net.mainRtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: loose },
      'InvalidParameterValue',
      `route table ${net.mainRtb} and network gateway ${loose} belong to different networks`,
    );
    await lab.rejects(
      'CreateRoute',
      { RouteTableId: net.mainRtb, DestinationCidrBlock: '0.0.0.0/0' },
      'InvalidParameterCombination',
      'The request must contain exactly one of gatewayId, natGatewayId, networkInterfaceId, instanceId',
    );
    await lab.rejects('DeleteRouteTable', { RouteTableId: net.mainRtb }, 'DependencyViolation', `The routeTable '${net.mainRtb}' has dependencies and cannot be deleted.`);
    await lab.rejects('DeleteRouteTable', { RouteTableId: net.publicRtb }, 'DependencyViolation', `The routeTable '${net.publicRtb}' has dependencies and cannot be deleted.`);
    await lab.ec2('DetachInternetGateway', { InternetGatewayId: net.igwId, VpcId: net.vpcId });
    const routes = (await lab.ec2('DescribeRouteTables', { RouteTableIds: [net.publicRtb] })).RouteTables[0].Routes;
    expect(routes[1]).toEqual({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: net.igwId, Origin: 'CreateRoute', State: 'blackhole' });
    await expectAwsError(lab.ec2('DescribeRouteTables', { RouteTableIds: ['rtb-0000000000000000a'] }), 'InvalidRouteTableID.NotFound', "The routeTable ID 'rtb-0000000000000000a' does not exist");
  });

  it('associates one table per subnet and falls back to the main table on disassociation', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const other = (await lab.ec2('CreateRouteTable', { VpcId: net.vpcId })).RouteTable.RouteTableId;
    await lab.rejects('AssociateRouteTable', { RouteTableId: other, SubnetId: net.publicSubnet }, 'Resource.AlreadyAssociated', `the specified association for route table ${other} conflicts with an existing association`);
    const assoc = (await lab.ec2('DescribeRouteTables', { RouteTableIds: [net.publicRtb] })).RouteTables[0].Associations[0].RouteTableAssociationId;
    await lab.ec2('DisassociateRouteTable', { AssociationId: assoc });
    const out = await lab.ec2('AssociateRouteTable', { RouteTableId: other, SubnetId: net.publicSubnet });
    expect(out).toEqual({ AssociationId: expect.stringMatching(/^rtbassoc-0[0-9a-f]{16}$/), AssociationState: { State: 'associated' } });
    await lab.rejects('DisassociateRouteTable', { AssociationId: assoc }, 'InvalidAssociationID.NotFound', `The association ID '${assoc}' does not exist`);
    const mainAssoc = (await lab.ec2('DescribeRouteTables', { RouteTableIds: [net.mainRtb] })).RouteTables[0].Associations[0].RouteTableAssociationId;
    await lab.rejects('DisassociateRouteTable', { AssociationId: mainAssoc }, 'InvalidParameterValue', `cannot disassociate the main route table association ${mainAssoc}`);
    const otherVpc = (await lab.ec2('CreateVpc', { CidrBlock: '10.5.0.0/16' })).Vpc.VpcId;
    const foreign = (await lab.ec2('CreateRouteTable', { VpcId: otherVpc })).RouteTable.RouteTableId;
    await lab.rejects('AssociateRouteTable', { RouteTableId: foreign, SubnetId: net.privateSubnet }, 'InvalidParameterValue', `Route table ${foreign} and subnet ${net.privateSubnet} belong to different networks`);
    await lab.ec2('DeleteRouteTable', { RouteTableId: net.publicRtb });
  });
});

describe('NAT gateways', () => {
  it('frees its subnet once its deletion is due, without anyone describing it first', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const eip = await lab.ec2('AllocateAddress', { Domain: 'vpc' });
    const natId = (await lab.ec2('CreateNatGateway', { SubnetId: net.publicSubnet, AllocationId: eip.AllocationId })).NatGateway.NatGatewayId;
    lab.advance(NAT_PENDING_MS);
    await lab.ec2('DeleteNatGateway', { NatGatewayId: natId });
    await lab.rejects('DeleteSubnet', { SubnetId: net.publicSubnet }, 'DependencyViolation', `The subnet '${net.publicSubnet}' has dependencies and cannot be deleted.`);
    lab.advance(NAT_DELETING_MS);
    await lab.ec2('DeleteSubnet', { SubnetId: net.publicSubnet });
  });

  it('goes pending → available on the simulated clock, holding its Elastic IP, and is routed to', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const eip = await lab.ec2('AllocateAddress', { Domain: 'vpc' });
    const created = (await lab.ec2('CreateNatGateway', { SubnetId: net.publicSubnet, AllocationId: eip.AllocationId })).NatGateway;
    expect(created).toMatchObject({
      State: 'pending',
      SubnetId: net.publicSubnet,
      VpcId: net.vpcId,
      ConnectivityType: 'public',
      NatGatewayAddresses: [{ AllocationId: eip.AllocationId, PublicIp: eip.PublicIp, PrivateIp: '10.0.1.4', IsPrimary: true, Status: 'associating' }],
    });
    const natId = created.NatGatewayId;
    expect(natId).toMatch(/^nat-0[0-9a-f]{16}$/);
    const eni = (await lab.ec2('DescribeNetworkInterfaces', { Filters: [{ Name: 'interface-type', Values: ['nat_gateway'] }] })).NetworkInterfaces[0];
    expect(eni).toMatchObject({ Description: `Interface for NAT Gateway ${natId}`, RequesterManaged: true, Status: 'in-use', PrivateIpAddress: '10.0.1.4' });
    expect((await lab.ec2('DescribeAddresses', { AllocationIds: [eip.AllocationId] })).Addresses[0]).toMatchObject({ NetworkInterfaceId: eni.NetworkInterfaceId, PrivateIpAddress: '10.0.1.4' });
    await lab.rejects('ReleaseAddress', { AllocationId: eip.AllocationId }, 'InvalidIPAddress.InUse', `Address ${eip.PublicIp} is in use.`);
    await lab.ec2('CreateRoute', { RouteTableId: net.mainRtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natId });
    lab.advance(NAT_PENDING_MS - 1);
    expect((await lab.ec2('DescribeNatGateways', { NatGatewayIds: [natId] })).NatGateways[0].State).toBe('pending');
    lab.advance(1);
    expect((await lab.ec2('DescribeNatGateways', { Filter: [{ Name: 'state', Values: ['available'] }] })).NatGateways.map((n: any) => n.NatGatewayId)).toEqual([natId]);
    expect((await lab.ec2('DescribeRouteTables', { RouteTableIds: [net.mainRtb] })).RouteTables[0].Routes[1]).toEqual({
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: natId,
      Origin: 'CreateRoute',
      State: 'active',
    });
    expect(await lab.ec2('DeleteNatGateway', { NatGatewayId: natId })).toEqual({ NatGatewayId: natId });
    expect((await lab.ec2('DescribeNatGateways', { NatGatewayIds: [natId] })).NatGateways[0].State).toBe('deleting');
    lab.advance(NAT_DELETING_MS);
    const gone = (await lab.ec2('DescribeNatGateways', { NatGatewayIds: [natId] })).NatGateways[0];
    expect(gone.State).toBe('deleted');
    expect(gone.DeleteTime).toEqual(new Date(lab.engine.clock.now()));
    expect((await lab.ec2('DescribeNetworkInterfaces', { Filters: [{ Name: 'interface-type', Values: ['nat_gateway'] }] })).NetworkInterfaces).toEqual([]);
    expect((await lab.ec2('DescribeRouteTables', { RouteTableIds: [net.mainRtb] })).RouteTables[0].Routes[1].State).toBe('blackhole');
    await lab.ec2('ReleaseAddress', { AllocationId: eip.AllocationId });
  });

  it('needs an unassociated Elastic IP and fails without an internet gateway', async () => {
    const lab = netLab();
    const vpcId = (await lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    const subnet = (await lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.0/24' })).Subnet.SubnetId;
    await lab.rejects('CreateNatGateway', { SubnetId: subnet }, 'MissingParameter', 'The request must contain the parameter allocationId');
    await lab.rejects('CreateNatGateway', { SubnetId: subnet, AllocationId: 'eipalloc-0000000000000000a' }, 'InvalidAllocationID.NotFound', "The allocation ID 'eipalloc-0000000000000000a' does not exist");
    const eip = (await lab.ec2('AllocateAddress')).AllocationId;
    const nat = (await lab.ec2('CreateNatGateway', { SubnetId: subnet, AllocationId: eip })).NatGateway.NatGatewayId;
    await lab.rejects('CreateNatGateway', { SubnetId: subnet, AllocationId: eip }, 'Resource.AlreadyAssociated', `Elastic IP address [${eip}] is already associated`);
    lab.advance(NAT_PENDING_MS);
    const failed = (await lab.ec2('DescribeNatGateways', { NatGatewayIds: [nat] })).NatGateways[0];
    expect(failed).toMatchObject({ State: 'failed', FailureCode: 'Gateway.NotAttached', FailureMessage: `Network ${vpcId} has no Internet gateway attached` });
    expect((await lab.ec2('DescribeAddresses', { AllocationIds: [eip] })).Addresses[0].AssociationId).toBeUndefined();
    await expectAwsError(lab.ec2('DeleteNatGateway', { NatGatewayId: 'nat-0000000000000000a' }), 'NatGatewayNotFound', 'The Nat Gateway nat-0000000000000000a was not found');
  });
});
