/* eslint-disable @typescript-eslint/no-explicit-any -- AWS responses are untyped JSON in these tests */
import { describe, expect, it } from 'vitest';
import { expectAwsError, netLab, publicPrivateVpc } from './lab';

describe('network ACLs', () => {
  it('a new ACL denies everything both ways; entries are added, replaced and removed by number', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const acl = (await lab.ec2('CreateNetworkAcl', { VpcId: net.vpcId, TagSpecifications: [{ ResourceType: 'network-acl', Tags: [{ Key: 'Name', Value: 'public' }] }] })).NetworkAcl;
    expect(acl).toEqual({
      Associations: [],
      Entries: [
        { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
        { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
      ],
      IsDefault: false,
      NetworkAclId: expect.stringMatching(/^acl-0[0-9a-f]{16}$/),
      Tags: [{ Key: 'Name', Value: 'public' }],
      VpcId: net.vpcId,
      OwnerId: lab.engine.account.accountId,
    });
    const aclId = acl.NetworkAclId;
    await lab.ec2('CreateNetworkAclEntry', { NetworkAclId: aclId, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } });
    await lab.ec2('CreateNetworkAclEntry', { NetworkAclId: aclId, RuleNumber: 110, Protocol: 'icmp', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', IcmpTypeCode: { Type: 8, Code: -1 } });
    await lab.ec2('CreateNetworkAclEntry', { NetworkAclId: aclId, RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' });
    await lab.rejects(
      'CreateNetworkAclEntry',
      { NetworkAclId: aclId, RuleNumber: 100, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '10.0.0.0/8', PortRange: { From: 80, To: 80 } },
      'NetworkAclEntryAlreadyExists',
      'The network acl entry identified by 100 already exists.',
    );
    await lab.rejects('CreateNetworkAclEntry', { NetworkAclId: aclId, RuleNumber: 32767, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' }, 'InvalidParameterValue', 'Value (32767) for parameter ruleNumber is invalid. Must be between 1 and 32766.');
    await lab.rejects('CreateNetworkAclEntry', { NetworkAclId: aclId, RuleNumber: 120, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' }, 'InvalidParameter', 'The request must contain the parameter portRange for protocol tcp');
    await lab.rejects('CreateNetworkAclEntry', { NetworkAclId: aclId, RuleNumber: 120, Protocol: '6', RuleAction: 'maybe', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 1, To: 2 } }, 'InvalidParameterValue', 'Value (maybe) for parameter ruleAction is invalid. Must be allow or deny.');
    await lab.ec2('ReplaceNetworkAclEntry', { NetworkAclId: aclId, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '203.0.113.0/24', PortRange: { From: 22, To: 22 } });
    await lab.rejects('ReplaceNetworkAclEntry', { NetworkAclId: aclId, RuleNumber: 200, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' }, 'InvalidNetworkAclEntry.NotFound', `The network acl entry identified by 200 in network acl ${aclId} does not exist.`);
    await lab.ec2('DeleteNetworkAclEntry', { NetworkAclId: aclId, RuleNumber: 110, Egress: false });
    const entries = (await lab.ec2('DescribeNetworkAcls', { NetworkAclIds: [aclId] })).NetworkAcls[0].Entries;
    expect(entries).toEqual([
      { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
      { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
      { CidrBlock: '203.0.113.0/24', Egress: false, Protocol: '6', PortRange: { From: 22, To: 22 }, RuleAction: 'allow', RuleNumber: 100 },
      { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
    ]);
    const byPort = await lab.ec2('DescribeNetworkAcls', { Filters: [{ Name: 'entry.port-range.from', Values: ['22'] }] });
    expect(byPort.NetworkAcls.map((a: any) => a.NetworkAclId)).toEqual([aclId]);
  });

  it('moves a subnet between ACLs with ReplaceNetworkAclAssociation; associated and default ACLs cannot be deleted', async () => {
    const lab = netLab();
    const net = await publicPrivateVpc(lab);
    const aclId = (await lab.ec2('CreateNetworkAcl', { VpcId: net.vpcId })).NetworkAcl.NetworkAclId;
    const assoc = (await lab.ec2('DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [net.publicSubnet] }] })).NetworkAcls[0].Associations.find(
      (a: any) => a.SubnetId === net.publicSubnet,
    ).NetworkAclAssociationId;
    const moved = await lab.ec2('ReplaceNetworkAclAssociation', { AssociationId: assoc, NetworkAclId: aclId });
    expect(moved.NewAssociationId).toMatch(/^aclassoc-0[0-9a-f]{16}$/);
    expect((await lab.ec2('DescribeNetworkAcls', { NetworkAclIds: [aclId] })).NetworkAcls[0].Associations).toEqual([
      { NetworkAclAssociationId: moved.NewAssociationId, NetworkAclId: aclId, SubnetId: net.publicSubnet },
    ]);
    await lab.rejects('ReplaceNetworkAclAssociation', { AssociationId: assoc, NetworkAclId: aclId }, 'InvalidAssociationID.NotFound', `The association ID '${assoc}' does not exist`);
    await lab.rejects('DeleteNetworkAcl', { NetworkAclId: aclId }, 'DependencyViolation', `The networkAcl '${aclId}' has dependencies and cannot be deleted.`);
    await lab.rejects('DeleteNetworkAcl', { NetworkAclId: net.defaultAcl }, 'InvalidParameterValue', `cannot delete default network ACL ${net.defaultAcl}`);
    await lab.ec2('ReplaceNetworkAclAssociation', { AssociationId: moved.NewAssociationId, NetworkAclId: net.defaultAcl });
    await lab.ec2('DeleteNetworkAcl', { NetworkAclId: aclId });
    await expectAwsError(lab.ec2('DescribeNetworkAcls', { NetworkAclIds: [aclId] }), 'InvalidNetworkAclID.NotFound', `The networkAcl ID '${aclId}' does not exist`);
  });
});
