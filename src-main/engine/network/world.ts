/**
 * The network facts of one account + region, as plain data. The ec2 service builds it from its
 * tables (services/ec2/state/network-world.ts); everything in network/ only reads it, so the
 * reachability model stays pure and testable without a database.
 */

/** The learner's workstation on the simulated internet: where the terminal's `ssh` and `curl` come from. */
export const WORKSTATION_IP = '203.0.113.10';

/** A host "on the internet" that instances talk to when no address is given (package mirrors and the like). */
export const INTERNET_HOST_IP = '198.51.100.20';

export type Protocol = 'tcp' | 'udp' | 'icmp';

export interface WorldVpc {
  id: string;
  cidr: string;
}

export interface WorldSubnet {
  id: string;
  vpcId: string;
  cidr: string;
  zone: string;
  /** The table its traffic uses: its explicit association, else the VPC's main table. */
  routeTableId: string;
  networkAclId: string;
}

export type RouteTarget =
  | { kind: 'local' }
  | { kind: 'internet-gateway'; id: string }
  | { kind: 'nat-gateway'; id: string }
  | { kind: 'network-interface'; id: string; instanceId?: string };

export interface WorldRoute {
  destination: string;
  target: RouteTarget;
  /** 'blackhole' when the target is gone (a detached gateway, a deleted NAT gateway). */
  state: 'active' | 'blackhole';
}

export interface WorldRouteTable {
  id: string;
  vpcId: string;
  routes: WorldRoute[];
}

export interface WorldInternetGateway {
  id: string;
  vpcId: string | null;
}

export interface WorldNatGateway {
  id: string;
  vpcId: string;
  subnetId: string;
  state: string;
  connectivity: 'public' | 'private';
  privateIp?: string;
  publicIp?: string;
}

export interface WorldAclEntry {
  ruleNumber: number;
  egress: boolean;
  /** '-1' (all) or an IANA number as text: '6' tcp, '17' udp, '1' icmp. */
  protocol: string;
  action: 'allow' | 'deny';
  cidr: string;
  portFrom?: number;
  portTo?: number;
  icmpType?: number;
  icmpCode?: number;
}

export interface WorldNetworkAcl {
  id: string;
  vpcId: string;
  entries: WorldAclEntry[];
}

export interface WorldSgRule {
  /** '-1', 'tcp', 'udp', 'icmp' or another protocol number. */
  protocol: string;
  /** tcp/udp port range, or icmp type (from) and code (to); -1 or absent = any. */
  fromPort?: number;
  toPort?: number;
  cidr?: string;
  groupId?: string;
}

export interface WorldSecurityGroup {
  id: string;
  name: string;
  vpcId: string;
  ingress: WorldSgRule[];
  egress: WorldSgRule[];
}

export interface WorldInterface {
  id: string;
  subnetId: string;
  vpcId: string;
  primaryIp: string;
  privateIps: string[];
  /** The public address of the primary private IP (Elastic IP or AWS-assigned), if any. */
  publicIp?: string;
  groupIds: string[];
  instanceId?: string;
  deviceIndex?: number;
}

export interface WorldInstance {
  id: string;
  /** pending | running | stopping | stopped | shutting-down | terminated */
  state: string;
}

export interface NetworkWorld {
  region: string;
  vpcs: WorldVpc[];
  subnets: WorldSubnet[];
  routeTables: WorldRouteTable[];
  internetGateways: WorldInternetGateway[];
  natGateways: WorldNatGateway[];
  networkAcls: WorldNetworkAcl[];
  securityGroups: WorldSecurityGroup[];
  interfaces: WorldInterface[];
  instances: WorldInstance[];
}

export type Endpoint =
  | { kind: 'instance'; instanceId: string }
  | { kind: 'interface'; interfaceId: string }
  | { kind: 'workstation' }
  | { kind: 'internet'; ip?: string };
