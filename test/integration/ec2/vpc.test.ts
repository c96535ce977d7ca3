/**
 * The VPC half of EC2 through the wire: Debian's real AWS CLI v2 and aws-sdk v2 against a running
 * lab (`nimbus serve --warp 30`, so a NAT gateway's minute of simulated provisioning takes 2 s).
 */
import AWS from 'aws-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsCli } from '../../helpers/clients';
import { useLab, type RunningLab } from '../../helpers/lab';

const useTheLab = useLab({ extraArgs: ['--warp', '30'] });
let lab: RunningLab;
beforeAll(() => {
  lab = useTheLab();
});

/* eslint-disable @typescript-eslint/no-explicit-any -- AWS responses are untyped JSON in these tests */
function cli(...args: string[]): any {
  const r = awsCli(lab, ['ec2', ...args, '--output', 'json']);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim() === '' ? {} : JSON.parse(r.stdout);
}

/** The CLI's exit status for a service error is 254, and the message line is AWS's own. */
function cliError(op: string, code: string, message: string, ...args: string[]): void {
  const r = awsCli(lab, ['ec2', ...args, '--output', 'json']);
  expect(r.status, r.stdout).toBe(254);
  expect(r.stderr.trim()).toBe(`An error occurred (${code}) when calling the ${op} operation: ${message}`);
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('a custom VPC with the real AWS CLI', () => {
  it('builds public and private subnets, an internet gateway, route tables and a NAT gateway with an Elastic IP', async () => {
    const vpcId = cli('create-vpc', '--cidr-block', '10.0.0.0/16', '--tag-specifications', 'ResourceType=vpc,Tags=[{Key=Name,Value=book}]').Vpc.VpcId;
    expect(vpcId).toMatch(/^vpc-0[0-9a-f]{16}$/);
    cli('modify-vpc-attribute', '--vpc-id', vpcId, '--enable-dns-hostnames', '{"Value":true}');
    expect(cli('describe-vpc-attribute', '--vpc-id', vpcId, '--attribute', 'enableDnsHostnames')).toEqual({ VpcId: vpcId, EnableDnsHostnames: { Value: true } });
    const pub = cli('create-subnet', '--vpc-id', vpcId, '--cidr-block', '10.0.1.0/24', '--availability-zone', 'us-east-1a').Subnet;
    expect(pub).toMatchObject({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', AvailableIpAddressCount: 251, MapPublicIpOnLaunch: false });
    const priv = cli('create-subnet', '--vpc-id', vpcId, '--cidr-block', '10.0.2.0/24', '--availability-zone', 'us-east-1b').Subnet;
    cli('modify-subnet-attribute', '--subnet-id', pub.SubnetId, '--map-public-ip-on-launch');
    expect(cli('describe-subnets', '--subnet-ids', pub.SubnetId).Subnets[0].MapPublicIpOnLaunch).toBe(true);

    const igw = cli('create-internet-gateway').InternetGateway.InternetGatewayId;
    expect(cli('attach-internet-gateway', '--internet-gateway-id', igw, '--vpc-id', vpcId)).toEqual({});
    const rtb = cli('create-route-table', '--vpc-id', vpcId).RouteTable.RouteTableId;
    expect(cli('create-route', '--route-table-id', rtb, '--destination-cidr-block', '0.0.0.0/0', '--gateway-id', igw)).toEqual({ Return: true });
    const assoc = cli('associate-route-table', '--route-table-id', rtb, '--subnet-id', pub.SubnetId);
    expect(assoc).toEqual({ AssociationId: expect.stringMatching(/^rtbassoc-/), AssociationState: { State: 'associated' } });

    const eip = cli('allocate-address', '--domain', 'vpc');
    expect(eip).toEqual({ PublicIp: expect.stringMatching(/^54\.160\.\d+\.\d+$/), AllocationId: expect.stringMatching(/^eipalloc-/), PublicIpv4Pool: 'amazon', NetworkBorderGroup: 'us-east-1', Domain: 'vpc' });
    const nat = cli('create-nat-gateway', '--subnet-id', pub.SubnetId, '--allocation-id', eip.AllocationId).NatGateway;
    expect(nat).toMatchObject({ State: 'pending', SubnetId: pub.SubnetId, VpcId: vpcId, NatGatewayAddresses: [{ AllocationId: eip.AllocationId, PublicIp: eip.PublicIp, PrivateIp: '10.0.1.4' }] });
    let state = nat.State;
    for (let i = 0; i < 40 && state !== 'available'; i++) {
      await sleep(250);
      state = cli('describe-nat-gateways', '--nat-gateway-ids', nat.NatGatewayId).NatGateways[0].State;
    }
    expect(state).toBe('available');
    const mainRtb = cli('describe-route-tables', '--filters', `Name=vpc-id,Values=${vpcId}`, 'Name=association.main,Values=true').RouteTables[0].RouteTableId;
    cli('create-route', '--route-table-id', mainRtb, '--destination-cidr-block', '0.0.0.0/0', '--nat-gateway-id', nat.NatGatewayId);
    const routes = cli('describe-route-tables', '--route-table-ids', mainRtb).RouteTables[0].Routes;
    expect(routes).toEqual([
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat.NatGatewayId, Origin: 'CreateRoute', State: 'active' },
    ]);
    const tagged = cli('describe-vpcs', '--filters', 'Name=tag:Name,Values=bo*').Vpcs;
    expect(tagged.map((v: any) => v.VpcId)).toEqual([vpcId]);

    cliError('DeleteVpc', 'DependencyViolation', `The vpc '${vpcId}' has dependencies and cannot be deleted.`, 'delete-vpc', '--vpc-id', vpcId);
    cliError('CreateSubnet', 'InvalidSubnet.Conflict', "The CIDR '10.0.2.128/25' conflicts with another subnet", 'create-subnet', '--vpc-id', vpcId, '--cidr-block', '10.0.2.128/25');
    cliError('CreateSubnet', 'InvalidSubnet.Range', "The CIDR '10.1.0.0/24' is invalid.", 'create-subnet', '--vpc-id', vpcId, '--cidr-block', '10.1.0.0/24');
    cliError('AttachInternetGateway', 'Resource.AlreadyAssociated', `resource ${igw} is already attached to network ${vpcId}`, 'attach-internet-gateway', '--internet-gateway-id', igw, '--vpc-id', vpcId);
    const defaultVpc = cli('describe-vpcs', '--filters', 'Name=is-default,Values=true').Vpcs[0].VpcId;
    cliError('DetachInternetGateway', 'Gateway.NotAttached', `resource ${igw} is not attached to network ${defaultVpc}`, 'detach-internet-gateway', '--internet-gateway-id', igw, '--vpc-id', defaultVpc);
    cliError('ReleaseAddress', 'InvalidIPAddress.InUse', `Address ${eip.PublicIp} is in use.`, 'release-address', '--allocation-id', eip.AllocationId);
    expect(priv.SubnetId).toMatch(/^subnet-/);
  });

  it('changes security-group rules with --protocol/--port/--cidr, ICMP, all traffic and group sources', () => {
    const vpcId = cli('create-vpc', '--cidr-block', '10.1.0.0/16').Vpc.VpcId;
    const sg = cli('create-security-group', '--group-name', 'ssh', '--description', 'SSH in', '--vpc-id', vpcId).GroupId;
    const added = cli('authorize-security-group-ingress', '--group-id', sg, '--protocol', 'tcp', '--port', '22', '--cidr', '0.0.0.0/0');
    expect(added).toEqual({
      Return: true,
      SecurityGroupRules: [
        {
          SecurityGroupRuleId: expect.stringMatching(/^sgr-0[0-9a-f]{16}$/),
          GroupId: sg,
          GroupOwnerId: expect.stringMatching(/^\d{12}$/),
          IsEgress: false,
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          CidrIpv4: '0.0.0.0/0',
          Tags: [],
        },
      ],
    });
    cliError(
      'AuthorizeSecurityGroupIngress',
      'InvalidPermission.Duplicate',
      'the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists',
      'authorize-security-group-ingress', '--group-id', sg, '--protocol', 'tcp', '--port', '22', '--cidr', '0.0.0.0/0',
    );
    cli('authorize-security-group-ingress', '--group-id', sg, '--protocol', 'tcp', '--port', '8000-8010', '--cidr', '10.0.0.0/8');
    cli('authorize-security-group-ingress', '--group-id', sg, '--protocol', 'icmp', '--port', '-1', '--cidr', '0.0.0.0/0');
    const other = cli('create-security-group', '--group-name', 'app', '--description', 'app', '--vpc-id', vpcId).GroupId;
    cli('authorize-security-group-ingress', '--group-id', sg, '--protocol', 'all', '--source-group', other);
    const perms = cli('describe-security-groups', '--group-ids', sg).SecurityGroups[0].IpPermissions;
    expect(perms).toEqual([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [] },
      { IpProtocol: 'tcp', FromPort: 8000, ToPort: 8010, UserIdGroupPairs: [], IpRanges: [{ CidrIp: '10.0.0.0/8' }], Ipv6Ranges: [], PrefixListIds: [] },
      { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [] },
      { IpProtocol: '-1', UserIdGroupPairs: [{ UserId: expect.stringMatching(/^\d{12}$/), GroupId: other }], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] },
    ]);
    expect(cli('revoke-security-group-ingress', '--group-id', sg, '--protocol', 'tcp', '--port', '22', '--cidr', '0.0.0.0/0')).toEqual({ Return: true });
    cliError(
      'RevokeSecurityGroupIngress',
      'InvalidPermission.NotFound',
      'The specified rule does not exist in this security group.',
      'revoke-security-group-ingress', '--group-id', sg, '--protocol', 'tcp', '--port', '22', '--cidr', '0.0.0.0/0',
    );
    const rules = cli('describe-security-group-rules', '--filters', `Name=group-id,Values=${sg}`).SecurityGroupRules;
    expect(rules.map((r: any) => `${r.IsEgress ? 'out' : 'in'} ${r.IpProtocol} ${r.FromPort}-${r.ToPort} ${r.CidrIpv4 ?? r.ReferencedGroupInfo.GroupId}`)).toEqual([
      'out -1 -1--1 0.0.0.0/0',
      'in tcp 8000-8010 10.0.0.0/8',
      'in icmp -1--1 0.0.0.0/0',
      `in -1 -1--1 ${other}`,
    ]);
    cliError('CreateSecurityGroup', 'InvalidGroup.Duplicate', `The security group 'ssh' already exists for VPC '${vpcId}'`, 'create-security-group', '--group-name', 'ssh', '--description', 'again', '--vpc-id', vpcId);
    cliError('DeleteSecurityGroup', 'DependencyViolation', `resource ${other} has a dependent object`, 'delete-security-group', '--group-id', other);
    const def = cli('describe-security-groups', '--filters', `Name=vpc-id,Values=${vpcId}`, 'Name=group-name,Values=default').SecurityGroups[0].GroupId;
    cliError('DeleteSecurityGroup', 'CannotDelete', `the specified group: "${def}" name: "default" cannot be deleted by a user`, 'delete-security-group', '--group-id', def);
    cliError('DescribeSecurityGroups', 'InvalidGroup.NotFound', "The security group 'sg-0000000000000000a' does not exist", 'describe-security-groups', '--group-ids', 'sg-0000000000000000a');
  });

  it('allocates, associates, moves, disassociates and releases an Elastic IP', () => {
    const vpcId = cli('describe-vpcs', '--filters', 'Name=is-default,Values=true').Vpcs[0].VpcId;
    const subnet = cli('describe-subnets', '--filters', `Name=vpc-id,Values=${vpcId}`, 'Name=availability-zone,Values=us-east-1c').Subnets[0].SubnetId;
    const eni1 = cli('create-network-interface', '--subnet-id', subnet).NetworkInterface.NetworkInterfaceId;
    const eni2 = cli('create-network-interface', '--subnet-id', subnet).NetworkInterface.NetworkInterfaceId;
    const eip = cli('allocate-address');
    const assoc = cli('associate-address', '--allocation-id', eip.AllocationId, '--network-interface-id', eni1).AssociationId;
    expect(assoc).toMatch(/^eipassoc-0[0-9a-f]{16}$/);
    const described = cli('describe-addresses', '--allocation-ids', eip.AllocationId).Addresses[0];
    expect(described).toMatchObject({ AllocationId: eip.AllocationId, AssociationId: assoc, NetworkInterfaceId: eni1, PrivateIpAddress: '172.31.32.4', PublicIp: eip.PublicIp, Domain: 'vpc' });
    cliError(
      'AssociateAddress',
      'Resource.AlreadyAssociated',
      `resource ${eip.AllocationId} is already associated with associate-id ${assoc}`,
      'associate-address', '--allocation-id', eip.AllocationId, '--network-interface-id', eni2,
    );
    const moved = cli('associate-address', '--allocation-id', eip.AllocationId, '--network-interface-id', eni2, '--allow-reassociation').AssociationId;
    expect(cli('describe-network-interfaces', '--network-interface-ids', eni2).NetworkInterfaces[0].Association).toMatchObject({ PublicIp: eip.PublicIp, AssociationId: moved });
    expect(cli('disassociate-address', '--association-id', moved)).toEqual({});
    expect(cli('release-address', '--allocation-id', eip.AllocationId)).toEqual({});
    cliError('ReleaseAddress', 'InvalidAllocationID.NotFound', `The allocation ID '${eip.AllocationId}' does not exist`, 'release-address', '--allocation-id', eip.AllocationId);
    cli('delete-network-interface', '--network-interface-id', eni1);
    cli('delete-network-interface', '--network-interface-id', eni2);
  });

  it('answers errors in AWS wording: not found, malformed, ranges, DryRun', () => {
    cliError('DescribeVpcs', 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0000000000000000a' does not exist", 'describe-vpcs', '--vpc-ids', 'vpc-0000000000000000a');
    cliError('DescribeVpcs', 'InvalidVpcID.Malformed', 'Invalid id: "vpc-xyz" (expecting "vpc-...")', 'describe-vpcs', '--vpc-ids', 'vpc-xyz');
    cliError('DescribeSubnets', 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-0000000000000000a' does not exist", 'describe-subnets', '--subnet-ids', 'subnet-0000000000000000a');
    cliError('CreateVpc', 'InvalidVpc.Range', "The CIDR '10.0.0.0/8' is invalid.", 'create-vpc', '--cidr-block', '10.0.0.0/8');
    cliError('CreateVpc', 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 'create-vpc', '--cidr-block', '10.9.0.0/16', '--dry-run');
    cliError('DescribeVpcs', 'InvalidParameterValue', "The filter 'colour' is invalid", 'describe-vpcs', '--filters', 'Name=colour,Values=red');
    cliError('DescribeNatGateways', 'NatGatewayNotFound', 'The Nat Gateway nat-0000000000000000a was not found', 'describe-nat-gateways', '--nat-gateway-ids', 'nat-0000000000000000a');
  });
});

describe('aws-sdk v2 AWS.EC2', () => {
  const ec2 = () =>
    new AWS.EC2({
      endpoint: lab.endpoint,
      region: 'us-east-1',
      credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey),
      maxRetries: 0,
    });

  it('describes the default VPC, creates a subnet and a group, and reads AWS errors', async () => {
    const vpcs = await ec2().describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] }).promise();
    expect(vpcs.Vpcs?.[0]).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available' });
    const vpcId = (await ec2().createVpc({ CidrBlock: '10.3.0.0/16' }).promise()).Vpc!.VpcId!;
    const subnet = await ec2().createSubnet({ VpcId: vpcId, CidrBlock: '10.3.0.0/24' }).promise();
    expect(subnet.Subnet).toMatchObject({ VpcId: vpcId, CidrBlock: '10.3.0.0/24', AvailableIpAddressCount: 251 });
    const sg = await ec2().createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: vpcId }).promise();
    await ec2().authorizeSecurityGroupIngress({ GroupId: sg.GroupId, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' }).promise();
    const described = await ec2().describeSecurityGroups({ GroupIds: [sg.GroupId!] }).promise();
    expect(described.SecurityGroups?.[0]?.IpPermissions).toEqual([
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [] },
    ]);
    const err = (await ec2().deleteVpc({ VpcId: vpcId }).promise().catch((e: unknown) => e)) as AWS.AWSError;
    expect({ code: err.code, message: err.message, status: err.statusCode }).toEqual({
      code: 'DependencyViolation',
      message: `The vpc '${vpcId}' has dependencies and cannot be deleted.`,
      status: 400,
    });
    const dry = (await ec2().createVpc({ CidrBlock: '10.4.0.0/16', DryRun: true }).promise().catch((e: unknown) => e)) as AWS.AWSError;
    expect({ code: dry.code, status: dry.statusCode }).toEqual({ code: 'DryRunOperation', status: 412 });
  });
});
