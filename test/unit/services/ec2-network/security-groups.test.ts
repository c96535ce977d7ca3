/* eslint-disable @typescript-eslint/no-explicit-any -- AWS responses are untyped JSON in these tests */
import { describe, expect, it } from 'vitest';
import { expectAwsError, netLab, publicPrivateVpc } from './lab';

async function setup() {
  const lab = netLab();
  const net = await publicPrivateVpc(lab);
  const web = (await lab.ec2('CreateSecurityGroup', { GroupName: 'web', Description: 'web servers', VpcId: net.vpcId })).GroupId as string;
  return { lab, net, web };
}

describe('CreateSecurityGroup', () => {
  it('creates a group with only the all-egress rule, in the default VPC when no VpcId is given', async () => {
    const lab = netLab();
    const out = await lab.ec2('CreateSecurityGroup', { GroupName: 'ssh', Description: 'SSH from anywhere', TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'Name', Value: 'ssh' }] }] });
    expect(out).toEqual({ GroupId: expect.stringMatching(/^sg-0[0-9a-f]{16}$/), Tags: [{ Key: 'Name', Value: 'ssh' }] });
    const defaultVpc = (await lab.ec2('DescribeVpcs')).Vpcs[0].VpcId;
    const g = (await lab.ec2('DescribeSecurityGroups', { GroupIds: [out.GroupId] })).SecurityGroups[0];
    expect(g).toEqual({
      Description: 'SSH from anywhere',
      GroupName: 'ssh',
      GroupId: out.GroupId,
      OwnerId: lab.engine.account.accountId,
      VpcId: defaultVpc,
      Tags: [{ Key: 'Name', Value: 'ssh' }],
      IpPermissions: [],
      IpPermissionsEgress: [{ IpProtocol: '-1', UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [] }],
    });
    expect((await lab.ec2('DescribeSecurityGroups', { GroupNames: ['ssh'] })).SecurityGroups.map((x: any) => x.GroupId)).toEqual([out.GroupId]);
  });

  it('refuses duplicates per VPC, reserved names and unknown VPCs', async () => {
    const { lab, net } = await setup();
    await lab.rejects('CreateSecurityGroup', { GroupName: 'web', Description: 'again', VpcId: net.vpcId }, 'InvalidGroup.Duplicate', `The security group 'web' already exists for VPC '${net.vpcId}'`);
    await lab.rejects('CreateSecurityGroup', { GroupName: 'default', Description: 'x', VpcId: net.vpcId }, 'InvalidParameterValue', 'Cannot use reserved security group name: default');
    await lab.rejects('CreateSecurityGroup', { GroupName: 'sg-web', Description: 'x', VpcId: net.vpcId }, 'InvalidParameterValue', 'Group names may not be in the format sg-*');
    await lab.rejects('CreateSecurityGroup', { GroupName: 'x', Description: 'x', VpcId: 'vpc-0000000000000000a' }, 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0000000000000000a' does not exist");
    // Same name in another VPC is fine.
    await lab.ec2('CreateSecurityGroup', { GroupName: 'web', Description: 'web' });
  });
});

describe('AuthorizeSecurityGroupIngress / Egress', () => {
  it('accepts the IpPermissions form (what the CLI sends for --protocol tcp --port 22 --cidr 0.0.0.0/0) and returns rule ids', async () => {
    const { lab, web } = await setup();
    const out = await lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: web,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'ssh' }] }],
    });
    expect(out).toEqual({
      Return: true,
      SecurityGroupRules: [
        {
          SecurityGroupRuleId: expect.stringMatching(/^sgr-0[0-9a-f]{16}$/),
          GroupId: web,
          GroupOwnerId: lab.engine.account.accountId,
          IsEgress: false,
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          CidrIpv4: '0.0.0.0/0',
          Description: 'ssh',
          Tags: [],
          SecurityGroupRuleArn: `arn:aws:ec2:us-east-1:${lab.engine.account.accountId}:security-group-rule/${out.SecurityGroupRules[0].SecurityGroupRuleId}`,
        },
      ],
    });
  });

  it('accepts the old top-level form, ICMP, all traffic and other groups as sources, and regroups them for Describe', async () => {
    const { lab, net, web } = await setup();
    await lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' });
    await lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '10.0.0.0/8' });
    await lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [{ IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    await lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: net.defaultSg }] }] });
    const g = (await lab.ec2('DescribeSecurityGroups', { GroupIds: [web] })).SecurityGroups[0];
    expect(g.IpPermissions).toEqual([
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }, { CidrIp: '10.0.0.0/8' }], Ipv6Ranges: [], PrefixListIds: [] },
      { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [] },
      { IpProtocol: '-1', UserIdGroupPairs: [{ UserId: lab.engine.account.accountId, GroupId: net.defaultSg }], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] },
    ]);
    const byPort = await lab.ec2('DescribeSecurityGroups', { Filters: [{ Name: 'ip-permission.from-port', Values: ['80'] }] });
    expect(byPort.SecurityGroups.map((x: any) => x.GroupId)).toEqual([web]);
    const byGroup = await lab.ec2('DescribeSecurityGroups', { Filters: [{ Name: 'ip-permission.group-id', Values: [net.defaultSg] }] });
    expect(byGroup.SecurityGroups.map((x: any) => x.GroupId).sort()).toEqual([net.defaultSg, web].sort());
  });

  it('refuses duplicate rules with AWS wording and leaves the group as it was', async () => {
    const { lab, net, web } = await setup();
    await lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    await lab.rejects(
      'AuthorizeSecurityGroupIngress',
      { GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }, { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
      'InvalidPermission.Duplicate',
      'the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists',
    );
    await lab.rejects(
      'AuthorizeSecurityGroupEgress',
      { GroupId: web, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
      'InvalidPermission.Duplicate',
      'the specified rule "peer: 0.0.0.0/0, ALL, ALLOW" already exists',
    );
    await lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [{ IpProtocol: 'icmp', FromPort: 8, ToPort: -1, UserIdGroupPairs: [{ GroupId: net.defaultSg }] }] });
    await lab.rejects(
      'AuthorizeSecurityGroupIngress',
      { GroupId: web, IpPermissions: [{ IpProtocol: 'icmp', FromPort: 8, ToPort: -1, UserIdGroupPairs: [{ GroupId: net.defaultSg }] }] },
      'InvalidPermission.Duplicate',
      `the specified rule "peer: ${net.defaultSg}, ICMP, type: 8, code: -1, ALLOW" already exists`,
    );
  });

  it('validates ports, CIDRs and source groups', async () => {
    const { lab, web } = await setup();
    await lab.rejects('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }, 'InvalidParameterValue', 'Invalid TCP port range: 80..22');
    await lab.rejects('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.1/8' }] }] }, 'InvalidParameterValue', 'CIDR block 10.0.0.1/8 is malformed');
    await lab.rejects('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [{ IpProtocol: 'gopher', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }, 'InvalidParameterValue', "Invalid value 'gopher' for IP protocol. Unknown protocol.");
    await lab.rejects('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: 'sg-0000000000000000a' }] }] }, 'InvalidGroup.NotFound', "The security group 'sg-0000000000000000a' does not exist");
    const defaultVpcGroup = (await lab.ec2('DescribeSecurityGroups', { GroupNames: ['default'] })).SecurityGroups[0].GroupId;
    await lab.rejects(
      'AuthorizeSecurityGroupIngress',
      { GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: defaultVpcGroup }] }] },
      'InvalidParameterValue',
      `You have specified two resources that belong to different networks. Security group ${defaultVpcGroup} is not in VPC ${(await lab.ec2('DescribeSecurityGroups', { GroupIds: [web] })).SecurityGroups[0].VpcId}.`,
    );
    await lab.rejects('AuthorizeSecurityGroupIngress', { GroupName: 'web', IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }, 'InvalidGroup.NotFound', `The security group 'web' does not exist in default VPC '${(await lab.ec2('DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs[0].VpcId}'`);
  });
});

describe('RevokeSecurityGroupIngress / Egress and DescribeSecurityGroupRules', () => {
  it('revokes by permission or by rule id; an unknown rule is an error', async () => {
    const { lab, web } = await setup();
    const added = await lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: web,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }, { CidrIp: '10.0.0.0/8' }] }],
    });
    const rules = (await lab.ec2('DescribeSecurityGroupRules', { Filters: [{ Name: 'group-id', Values: [web] }] })).SecurityGroupRules;
    expect(rules.map((r: any) => [r.IsEgress, r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4])).toEqual([
      [true, '-1', -1, -1, '0.0.0.0/0'],
      [false, 'tcp', 22, 22, '0.0.0.0/0'],
      [false, 'tcp', 22, 22, '10.0.0.0/8'],
    ]);
    expect(await lab.ec2('RevokeSecurityGroupIngress', { GroupId: web, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' })).toEqual({ Return: true });
    await lab.rejects('RevokeSecurityGroupIngress', { GroupId: web, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }, 'InvalidPermission.NotFound', 'The specified rule does not exist in this security group.');
    await lab.ec2('RevokeSecurityGroupIngress', { GroupId: web, SecurityGroupRuleIds: [added.SecurityGroupRules[1].SecurityGroupRuleId] });
    await lab.ec2('RevokeSecurityGroupEgress', { GroupId: web, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    const g = (await lab.ec2('DescribeSecurityGroups', { GroupIds: [web] })).SecurityGroups[0];
    expect([g.IpPermissions, g.IpPermissionsEgress]).toEqual([[], []]);
    await expectAwsError(
      lab.ec2('DescribeSecurityGroupRules', { SecurityGroupRuleIds: [added.SecurityGroupRules[0].SecurityGroupRuleId] }),
      'InvalidSecurityGroupRuleId.NotFound',
      `The security group rule ID '${added.SecurityGroupRules[0].SecurityGroupRuleId}' does not exist`,
    );
  });
});

describe('DeleteSecurityGroup', () => {
  it('keeps the default group and groups in use; deletes the rest with their rules', async () => {
    const { lab, net, web } = await setup();
    await lab.rejects('DeleteSecurityGroup', { GroupId: net.defaultSg }, 'CannotDelete', `the specified group: "${net.defaultSg}" name: "default" cannot be deleted by a user`);
    const eni = (await lab.ec2('CreateNetworkInterface', { SubnetId: net.publicSubnet, Groups: [web] })).NetworkInterface.NetworkInterfaceId;
    await lab.rejects('DeleteSecurityGroup', { GroupId: web }, 'DependencyViolation', `resource ${web} has a dependent object`);
    await lab.ec2('DeleteNetworkInterface', { NetworkInterfaceId: eni });
    const db = (await lab.ec2('CreateSecurityGroup', { GroupName: 'db', Description: 'db', VpcId: net.vpcId })).GroupId;
    await lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: db, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, UserIdGroupPairs: [{ GroupId: web }] }] });
    await lab.rejects('DeleteSecurityGroup', { GroupId: web }, 'DependencyViolation', `resource ${web} has a dependent object`);
    await lab.ec2('DeleteSecurityGroup', { GroupId: db });
    await lab.ec2('DeleteSecurityGroup', { GroupId: web });
    await expectAwsError(lab.ec2('DescribeSecurityGroups', { GroupIds: [web] }), 'InvalidGroup.NotFound', `The security group '${web}' does not exist`);
    await expectAwsError(lab.ec2('DeleteSecurityGroup', { GroupId: 'sg-zz' }), 'InvalidGroupId.Malformed', 'Invalid id: "sg-zz" (expecting "sg-...")');
    expect((lab.snapshot().ec2_security_group_rules as any[]).filter((r) => r.group_id === web || r.group_id === db)).toEqual([]);
  });
});
