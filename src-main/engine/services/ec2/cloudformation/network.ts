/** VPC networking: VPCs, subnets, gateways, route tables, routes, network ACLs, security groups. */
import { allTags, diffRules, ec2Create, rulesOf, tagSpec, updateTags } from './common';
import { bool, clean, generatedName, ignoreNotFound, num, str, strList, type ResourceCtx, type ResourceProvider, type Json, type JsonObject } from '../../../core/resource-provider';

async function vpcAttributes(rc: ResourceCtx, vpcId: string): Promise<Record<string, Json>> {
  const vpcs = await rc.call('ec2', 'DescribeVpcs', { VpcIds: [vpcId] });
  const vpc = vpcs.Vpcs?.[0] ?? {};
  const groups = await rc.call('ec2', 'DescribeSecurityGroups', {
    Filters: [
      { Name: 'vpc-id', Values: [vpcId] },
      { Name: 'group-name', Values: ['default'] },
    ],
  });
  const acls = await rc.call('ec2', 'DescribeNetworkAcls', {
    Filters: [
      { Name: 'vpc-id', Values: [vpcId] },
      { Name: 'default', Values: ['true'] },
    ],
  });
  return {
    VpcId: vpcId,
    CidrBlock: vpc.CidrBlock ?? null,
    CidrBlockAssociations: (vpc.CidrBlockAssociationSet ?? []).map((a: { AssociationId: string }) => a.AssociationId),
    Ipv6CidrBlocks: (vpc.Ipv6CidrBlockAssociationSet ?? []).map((a: { Ipv6CidrBlock: string }) => a.Ipv6CidrBlock),
    DefaultSecurityGroup: groups.SecurityGroups?.[0]?.GroupId ?? null,
    DefaultNetworkAcl: acls.NetworkAcls?.[0]?.NetworkAclId ?? null,
  };
}

async function setVpcDns(rc: ResourceCtx, vpcId: string, props: JsonObject, old?: JsonObject): Promise<void> {
  for (const attr of ['EnableDnsSupport', 'EnableDnsHostnames'] as const) {
    const v = bool(props[attr]);
    if (v === undefined || v === bool(old?.[attr])) continue;
    await rc.call('ec2', 'ModifyVpcAttribute', { VpcId: vpcId, [attr]: { Value: v } });
  }
}

const vpc: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'CreateVpc', {
      CidrBlock: str(props.CidrBlock),
      InstanceTenancy: str(props.InstanceTenancy),
      TagSpecifications: tagSpec(rc, 'vpc', props),
    });
    const id = String(out.Vpc.VpcId);
    await setVpcDns(rc, id, props);
    return { physicalId: id };
  },
  async update(rc, id, props, old) {
    await setVpcDns(rc, id, props, old);
    await updateTags(rc, id, props, old);
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteVpc', { VpcId: id }));
  },
  attributes: (rc, id) => vpcAttributes(rc, id),
};

const subnet: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'CreateSubnet', {
      VpcId: str(props.VpcId),
      CidrBlock: str(props.CidrBlock),
      Ipv6CidrBlock: str(props.Ipv6CidrBlock),
      AvailabilityZone: str(props.AvailabilityZone),
      AvailabilityZoneId: str(props.AvailabilityZoneId),
      TagSpecifications: tagSpec(rc, 'subnet', props),
    });
    const id = String(out.Subnet.SubnetId);
    if (bool(props.MapPublicIpOnLaunch)) await rc.call('ec2', 'ModifySubnetAttribute', { SubnetId: id, MapPublicIpOnLaunch: { Value: true } });
    return { physicalId: id };
  },
  async update(rc, id, props, old) {
    if (bool(props.MapPublicIpOnLaunch) !== bool(old.MapPublicIpOnLaunch)) {
      await rc.call('ec2', 'ModifySubnetAttribute', { SubnetId: id, MapPublicIpOnLaunch: { Value: bool(props.MapPublicIpOnLaunch) ?? false } });
    }
    await updateTags(rc, id, props, old);
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteSubnet', { SubnetId: id }));
  },
  async attributes(rc, id) {
    const s = (await rc.call('ec2', 'DescribeSubnets', { SubnetIds: [id] })).Subnets?.[0] ?? {};
    const acls = await rc.call('ec2', 'DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [id] }] });
    const assoc = (acls.NetworkAcls?.[0]?.Associations ?? []).find((a: { SubnetId: string }) => a.SubnetId === id);
    return {
      SubnetId: id,
      AvailabilityZone: s.AvailabilityZone ?? null,
      AvailabilityZoneId: s.AvailabilityZoneId ?? null,
      CidrBlock: s.CidrBlock ?? null,
      Ipv6CidrBlocks: (s.Ipv6CidrBlockAssociationSet ?? []).map((a: { Ipv6CidrBlock: string }) => a.Ipv6CidrBlock),
      NetworkAclAssociationId: assoc?.NetworkAclAssociationId ?? null,
      OutpostArn: s.OutpostArn ?? '',
      VpcId: s.VpcId ?? null,
    };
  },
};

const internetGateway: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'CreateInternetGateway', { TagSpecifications: tagSpec(rc, 'internet-gateway', props) });
    return { physicalId: String(out.InternetGateway.InternetGatewayId), attributes: { InternetGatewayId: out.InternetGateway.InternetGatewayId } };
  },
  update: (rc, id, props, old) => updateTags(rc, id, props, old),
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteInternetGateway', { InternetGatewayId: id }));
  },
};

const gatewayAttachment: ResourceProvider = {
  async create(rc, props) {
    if (props.VpnGatewayId !== undefined) {
      await rc.call('ec2', 'AttachVpnGateway', { VpcId: str(props.VpcId), VpnGatewayId: str(props.VpnGatewayId) });
    } else {
      await rc.call('ec2', 'AttachInternetGateway', { VpcId: str(props.VpcId), InternetGatewayId: str(props.InternetGatewayId) });
    }
    return { physicalId: generatedName(rc, 40, { suffix: 12 }) };
  },
  async update(rc, id, props, old) {
    await this.delete(rc, id, old, {});
    await this.create(rc, props);
  },
  async delete(rc, _id, props) {
    if (props.VpnGatewayId !== undefined) {
      await ignoreNotFound(rc.call('ec2', 'DetachVpnGateway', { VpcId: str(props.VpcId), VpnGatewayId: str(props.VpnGatewayId) }));
    } else {
      await ignoreNotFound(rc.call('ec2', 'DetachInternetGateway', { VpcId: str(props.VpcId), InternetGatewayId: str(props.InternetGatewayId) }));
    }
  },
};

const routeTable: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'CreateRouteTable', { VpcId: str(props.VpcId), TagSpecifications: tagSpec(rc, 'route-table', props) });
    return { physicalId: String(out.RouteTable.RouteTableId), attributes: { RouteTableId: out.RouteTable.RouteTableId } };
  },
  update: (rc, id, props, old) => updateTags(rc, id, props, old),
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteRouteTable', { RouteTableId: id }));
  },
};

const ROUTE_TARGETS = ['GatewayId', 'NatGatewayId', 'InstanceId', 'NetworkInterfaceId', 'VpcPeeringConnectionId', 'EgressOnlyInternetGatewayId', 'TransitGatewayId', 'VpcEndpointId'];
const routeInput = (props: JsonObject) =>
  clean({
    RouteTableId: str(props.RouteTableId),
    DestinationCidrBlock: str(props.DestinationCidrBlock),
    DestinationIpv6CidrBlock: str(props.DestinationIpv6CidrBlock),
    ...Object.fromEntries(ROUTE_TARGETS.map((t) => [t, str(props[t])])),
  });

const route: ResourceProvider = {
  async create(rc, props) {
    await rc.call('ec2', 'CreateRoute', routeInput(props));
    const dest = str(props.DestinationCidrBlock) ?? str(props.DestinationIpv6CidrBlock);
    return { physicalId: `${str(props.RouteTableId)}|${dest}`, attributes: { CidrBlock: dest ?? null } };
  },
  async update(rc, _id, props) {
    await rc.call('ec2', 'ReplaceRoute', routeInput(props));
  },
  async delete(rc, _id, props) {
    await ignoreNotFound(
      rc.call('ec2', 'DeleteRoute', clean({ RouteTableId: str(props.RouteTableId), DestinationCidrBlock: str(props.DestinationCidrBlock), DestinationIpv6CidrBlock: str(props.DestinationIpv6CidrBlock) })),
    );
  },
};

const routeTableAssociation: ResourceProvider = {
  async create(rc, props) {
    const out = await rc.call('ec2', 'AssociateRouteTable', { RouteTableId: str(props.RouteTableId), SubnetId: str(props.SubnetId) });
    return { physicalId: String(out.AssociationId), attributes: { Id: out.AssociationId } };
  },
  async update(rc, id, props) {
    const out = await rc.call('ec2', 'ReplaceRouteTableAssociation', { AssociationId: id, RouteTableId: str(props.RouteTableId) });
    return { physicalId: String(out.NewAssociationId), attributes: { Id: out.NewAssociationId } };
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DisassociateRouteTable', { AssociationId: id }));
  },
};

const networkAcl: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'CreateNetworkAcl', { VpcId: str(props.VpcId), TagSpecifications: tagSpec(rc, 'network-acl', props) });
    return { physicalId: String(out.NetworkAcl.NetworkAclId), attributes: { Id: out.NetworkAcl.NetworkAclId } };
  },
  update: (rc, id, props, old) => updateTags(rc, id, props, old),
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteNetworkAcl', { NetworkAclId: id }));
  },
};

const aclEntryInput = (props: JsonObject) => {
  const range = props.PortRange as JsonObject | undefined;
  const icmp = props.Icmp as JsonObject | undefined;
  return clean({
    NetworkAclId: str(props.NetworkAclId),
    RuleNumber: num(props.RuleNumber),
    Protocol: str(props.Protocol),
    RuleAction: str(props.RuleAction),
    Egress: bool(props.Egress) ?? false,
    CidrBlock: str(props.CidrBlock),
    Ipv6CidrBlock: str(props.Ipv6CidrBlock),
    PortRange: range ? clean({ From: num(range.From), To: num(range.To) }) : undefined,
    IcmpTypeCode: icmp ? clean({ Code: num(icmp.Code), Type: num(icmp.Type) }) : undefined,
  });
};

const networkAclEntry: ResourceProvider = {
  async create(rc, props) {
    await rc.call('ec2', 'CreateNetworkAclEntry', aclEntryInput(props));
    const id = generatedName(rc, 40, { suffix: 12 });
    return { physicalId: id, attributes: { Id: id } };
  },
  async update(rc, _id, props) {
    await rc.call('ec2', 'ReplaceNetworkAclEntry', aclEntryInput(props));
  },
  async delete(rc, _id, props) {
    await ignoreNotFound(
      rc.call('ec2', 'DeleteNetworkAclEntry', { NetworkAclId: str(props.NetworkAclId), RuleNumber: num(props.RuleNumber), Egress: bool(props.Egress) ?? false }),
    );
  },
};

async function currentAclAssociation(rc: ResourceCtx, subnetId: string): Promise<{ associationId: string; vpcId: string } | undefined> {
  const acls = await rc.call('ec2', 'DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] });
  for (const acl of acls.NetworkAcls ?? []) {
    const a = (acl.Associations ?? []).find((x: { SubnetId: string }) => x.SubnetId === subnetId);
    if (a) return { associationId: a.NetworkAclAssociationId, vpcId: acl.VpcId };
  }
  return undefined;
}

const subnetAclAssociation: ResourceProvider = {
  async create(rc, props) {
    const subnetId = str(props.SubnetId)!;
    const current = await currentAclAssociation(rc, subnetId);
    if (!current) throw new Error(`subnet ${subnetId} has no network ACL association`);
    const out = await rc.call('ec2', 'ReplaceNetworkAclAssociation', { AssociationId: current.associationId, NetworkAclId: str(props.NetworkAclId) });
    return { physicalId: String(out.NewAssociationId), attributes: { AssociationId: out.NewAssociationId } };
  },
  async delete(rc, _id, props) {
    const subnetId = str(props.SubnetId)!;
    const current = await currentAclAssociation(rc, subnetId).catch(() => undefined);
    if (!current) return;
    const defaults = await rc.call('ec2', 'DescribeNetworkAcls', {
      Filters: [
        { Name: 'vpc-id', Values: [current.vpcId] },
        { Name: 'default', Values: ['true'] },
      ],
    });
    const dflt = defaults.NetworkAcls?.[0]?.NetworkAclId;
    if (dflt) await ignoreNotFound(rc.call('ec2', 'ReplaceNetworkAclAssociation', { AssociationId: current.associationId, NetworkAclId: dflt }));
  },
};

const ALL_EGRESS = { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] };

const securityGroup: ResourceProvider = {
  async create(rc, props) {
    // EC2 refuses names that look like group ids, which a stack called `sg` would generate.
    const name = str(props.GroupName) ?? generatedName(rc, 255, { suffix: 13 }).replace(/^sg-/i, 'sg');
    const out = await ec2Create(rc, 'CreateSecurityGroup', {
      GroupName: name,
      Description: str(props.GroupDescription),
      VpcId: str(props.VpcId),
      TagSpecifications: tagSpec(rc, 'security-group', props),
    });
    const id = String(out.GroupId);
    const ingress = rulesOf(props.SecurityGroupIngress, false);
    if (ingress.length) await rc.call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: id, IpPermissions: ingress });
    if (props.SecurityGroupEgress !== undefined && props.VpcId !== undefined) {
      await ignoreNotFound(rc.call('ec2', 'RevokeSecurityGroupEgress', { GroupId: id, IpPermissions: [ALL_EGRESS] }));
      const egress = rulesOf(props.SecurityGroupEgress, true);
      if (egress.length) await rc.call('ec2', 'AuthorizeSecurityGroupEgress', { GroupId: id, IpPermissions: egress });
    }
    return { physicalId: id };
  },
  async update(rc, id, props, old) {
    const ing = diffRules(rulesOf(props.SecurityGroupIngress, false), rulesOf(old.SecurityGroupIngress, false));
    if (ing.removed.length) await ignoreNotFound(rc.call('ec2', 'RevokeSecurityGroupIngress', { GroupId: id, IpPermissions: ing.removed }));
    if (ing.added.length) await rc.call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: id, IpPermissions: ing.added });
    if (props.VpcId !== undefined) {
      const now = props.SecurityGroupEgress !== undefined ? rulesOf(props.SecurityGroupEgress, true) : [ALL_EGRESS];
      const before = old.SecurityGroupEgress !== undefined ? rulesOf(old.SecurityGroupEgress, true) : [ALL_EGRESS];
      const eg = diffRules(now, before);
      if (eg.removed.length) await ignoreNotFound(rc.call('ec2', 'RevokeSecurityGroupEgress', { GroupId: id, IpPermissions: eg.removed }));
      if (eg.added.length) await rc.call('ec2', 'AuthorizeSecurityGroupEgress', { GroupId: id, IpPermissions: eg.added });
    }
    await updateTags(rc, id, props, old);
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteSecurityGroup', { GroupId: id }));
  },
  async attributes(rc, id) {
    const g = (await rc.call('ec2', 'DescribeSecurityGroups', { GroupIds: [id] })).SecurityGroups?.[0] ?? {};
    return { GroupId: id, VpcId: g.VpcId ?? null };
  },
};

function standaloneRule(egress: boolean): ResourceProvider {
  const op = egress ? 'AuthorizeSecurityGroupEgress' : 'AuthorizeSecurityGroupIngress';
  const revoke = egress ? 'RevokeSecurityGroupEgress' : 'RevokeSecurityGroupIngress';
  const target = (props: JsonObject) => clean({ GroupId: str(props.GroupId), GroupName: egress ? undefined : str(props.GroupName) });
  return {
    async create(rc, props) {
      const out = await rc.call('ec2', op, { ...target(props), IpPermissions: [rulesOf([props], egress)[0]] });
      const id = String(out.SecurityGroupRules?.[0]?.SecurityGroupRuleId ?? generatedName(rc, 40, { suffix: 12 }));
      return { physicalId: id, attributes: { Id: id } };
    },
    async delete(rc, _id, props) {
      await ignoreNotFound(rc.call('ec2', revoke, { ...target(props), IpPermissions: [rulesOf([props], egress)[0]] }));
    },
  };
}

const networkInterface: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'CreateNetworkInterface', {
      SubnetId: str(props.SubnetId),
      Description: str(props.Description),
      Groups: strList(props.GroupSet),
      PrivateIpAddress: str(props.PrivateIpAddress),
      TagSpecifications: tagSpec(rc, 'network-interface', props),
    });
    const eni = out.NetworkInterface;
    if (bool(props.SourceDestCheck) === false) {
      await rc.call('ec2', 'ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: eni.NetworkInterfaceId, SourceDestCheck: { Value: false } });
    }
    return {
      physicalId: String(eni.NetworkInterfaceId),
      attributes: {
        Id: eni.NetworkInterfaceId,
        PrimaryPrivateIpAddress: eni.PrivateIpAddress ?? null,
        SecondaryPrivateIpAddresses: (eni.PrivateIpAddresses ?? []).filter((p: { Primary: boolean }) => !p.Primary).map((p: { PrivateIpAddress: string }) => p.PrivateIpAddress),
      },
    };
  },
  async update(rc, id, props, old) {
    if (JSON.stringify(props.GroupSet) !== JSON.stringify(old.GroupSet)) {
      await rc.call('ec2', 'ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: id, Groups: strList(props.GroupSet) });
    }
    if (bool(props.SourceDestCheck) !== bool(old.SourceDestCheck)) {
      await rc.call('ec2', 'ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: id, SourceDestCheck: { Value: bool(props.SourceDestCheck) ?? true } });
    }
    await updateTags(rc, id, props, old);
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteNetworkInterface', { NetworkInterfaceId: id }));
  },
};

export const ec2NetworkProviders: Record<string, ResourceProvider> = {
  'AWS::EC2::VPC': vpc,
  'AWS::EC2::Subnet': subnet,
  'AWS::EC2::InternetGateway': internetGateway,
  'AWS::EC2::VPCGatewayAttachment': gatewayAttachment,
  'AWS::EC2::RouteTable': routeTable,
  'AWS::EC2::Route': route,
  'AWS::EC2::SubnetRouteTableAssociation': routeTableAssociation,
  'AWS::EC2::NetworkAcl': networkAcl,
  'AWS::EC2::NetworkAclEntry': networkAclEntry,
  'AWS::EC2::SubnetNetworkAclAssociation': subnetAclAssociation,
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::EC2::SecurityGroupIngress': standaloneRule(false),
  'AWS::EC2::SecurityGroupEgress': standaloneRule(true),
  'AWS::EC2::NetworkInterface': networkInterface,
};

export { allTags };
