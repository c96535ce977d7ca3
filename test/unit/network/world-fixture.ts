/**
 * A small, readable network world for the reachability tests: VPC 10.0.0.0/16 with a public
 * subnet (routes to igw-main) holding i-web (54.1.2.3) and NAT gateway nat-main, and a private
 * subnet (routes to the NAT gateway) holding i-db. Both subnets use the allow-all acl-default.
 */
import type { NetworkWorld, WorldAclEntry } from '../../../src-main/engine/network/index';

export const allowAll = (): WorldAclEntry[] => [
  { ruleNumber: 100, egress: false, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
  { ruleNumber: 32767, egress: false, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
  { ruleNumber: 100, egress: true, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
  { ruleNumber: 32767, egress: true, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
];

export function baseWorld(): NetworkWorld {
  return {
    region: 'us-east-1',
    vpcs: [{ id: 'vpc-main', cidr: '10.0.0.0/16' }],
    subnets: [
      { id: 'subnet-public', vpcId: 'vpc-main', cidr: '10.0.1.0/24', zone: 'us-east-1a', routeTableId: 'rtb-public', networkAclId: 'acl-default' },
      { id: 'subnet-private', vpcId: 'vpc-main', cidr: '10.0.2.0/24', zone: 'us-east-1a', routeTableId: 'rtb-main', networkAclId: 'acl-default' },
    ],
    routeTables: [
      {
        id: 'rtb-public',
        vpcId: 'vpc-main',
        routes: [
          { destination: '10.0.0.0/16', target: { kind: 'local' }, state: 'active' },
          { destination: '0.0.0.0/0', target: { kind: 'internet-gateway', id: 'igw-main' }, state: 'active' },
        ],
      },
      {
        id: 'rtb-main',
        vpcId: 'vpc-main',
        routes: [
          { destination: '10.0.0.0/16', target: { kind: 'local' }, state: 'active' },
          { destination: '0.0.0.0/0', target: { kind: 'nat-gateway', id: 'nat-main' }, state: 'active' },
        ],
      },
    ],
    internetGateways: [{ id: 'igw-main', vpcId: 'vpc-main' }],
    natGateways: [
      { id: 'nat-main', vpcId: 'vpc-main', subnetId: 'subnet-public', state: 'available', connectivity: 'public', privateIp: '10.0.1.9', publicIp: '54.9.9.9' },
    ],
    networkAcls: [{ id: 'acl-default', vpcId: 'vpc-main', entries: allowAll() }],
    securityGroups: [
      {
        id: 'sg-web',
        name: 'web',
        vpcId: 'vpc-main',
        ingress: [
          { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' },
          { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' },
        ],
        egress: [{ protocol: '-1', cidr: '0.0.0.0/0' }],
      },
      {
        id: 'sg-db',
        name: 'db',
        vpcId: 'vpc-main',
        ingress: [{ protocol: 'tcp', fromPort: 3306, toPort: 3306, groupId: 'sg-web' }],
        egress: [{ protocol: '-1', cidr: '0.0.0.0/0' }],
      },
    ],
    interfaces: [
      { id: 'eni-web', subnetId: 'subnet-public', vpcId: 'vpc-main', primaryIp: '10.0.1.10', privateIps: ['10.0.1.10'], publicIp: '54.1.2.3', groupIds: ['sg-web'], instanceId: 'i-web', deviceIndex: 0 },
      { id: 'eni-db', subnetId: 'subnet-private', vpcId: 'vpc-main', primaryIp: '10.0.2.10', privateIps: ['10.0.2.10'], groupIds: ['sg-db'], instanceId: 'i-db', deviceIndex: 0 },
      { id: 'eni-nat', subnetId: 'subnet-public', vpcId: 'vpc-main', primaryIp: '10.0.1.9', privateIps: ['10.0.1.9'], groupIds: [] },
    ],
    instances: [
      { id: 'i-web', state: 'running' },
      { id: 'i-db', state: 'running' },
    ],
  };
}
