/**
 * A real in-memory engine with a manual clock for the EC2 network tests: exact-error helper, a
 * snapshot of every network table (to prove a rejected call changed nothing), and builders for
 * the usual VPC layouts.
 */
import { expect } from 'vitest';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { AwsError } from '../../../../src-main/engine/protocol/errors';

/* eslint-disable @typescript-eslint/no-explicit-any -- AWS responses are untyped JSON in these tests */
export interface NetLab {
  engine: Engine;
  ec2(op: string, input?: Record<string, unknown>, region?: string): Promise<any>;
  advance(ms: number): void;
  /** Every row of every network table, for "the cloud is unchanged" assertions. */
  snapshot(): Record<string, unknown[]>;
  /** Asserts the call fails with exactly this error and leaves every table as it was. */
  rejects(op: string, input: Record<string, unknown>, code: string, message: string, status?: number): Promise<void>;
}

export const START = Date.UTC(2026, 0, 10, 12, 0, 0);

const TABLES = [
  'ec2_tags',
  'ec2_vpcs',
  'ec2_subnets',
  'ec2_internet_gateways',
  'ec2_route_tables',
  'ec2_routes',
  'ec2_route_table_associations',
  'ec2_nat_gateways',
  'ec2_network_acls',
  'ec2_network_acl_entries',
  'ec2_network_acl_associations',
  'ec2_security_groups',
  'ec2_security_group_rules',
  'ec2_network_interfaces',
  'ec2_eni_private_ips',
  'ec2_eni_groups',
  'ec2_addresses',
  'ec2_public_ip_seq',
];

export function netLab(engine: Engine = createEngine({ clock: createClock({ warp: 0, start: START }) })): NetLab {
  const ec2 = (op: string, input: Record<string, unknown> = {}, region = 'us-east-1') =>
    engine.call(engine.account.root, 'ec2', op, input, { region }) as Promise<any>;
  const snapshot = () => Object.fromEntries(TABLES.map((t) => [t, engine.store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
  return {
    engine,
    ec2,
    advance: (ms) => engine.clock.advance(ms),
    snapshot,
    async rejects(op, input, code, message, status = 400) {
      await ec2('DescribeVpcs'); // the default VPC exists before the "before" picture
      const before = snapshot();
      await expectAwsError(ec2(op, input), code, message, status);
      expect(snapshot()).toEqual(before);
    },
  };
}

export async function expectAwsError(p: Promise<unknown>, code: string, message: string, status = 400): Promise<AwsError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(AwsError);
  const err = e as AwsError;
  expect({ code: err.code, message: err.message, status: err.status }).toEqual({ code, message, status });
  return err;
}

/** A VPC 10.0.0.0/16 with a public subnet (10.0.1.0/24, routed to an IGW) and a private one (10.0.2.0/24). */
export async function publicPrivateVpc(lab: NetLab) {
  const vpcId: string = (await lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
  const publicSubnet: string = (await lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' })).Subnet.SubnetId;
  const privateSubnet: string = (await lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1a' })).Subnet.SubnetId;
  const igwId: string = (await lab.ec2('CreateInternetGateway')).InternetGateway.InternetGatewayId;
  await lab.ec2('AttachInternetGateway', { InternetGatewayId: igwId, VpcId: vpcId });
  const publicRtb: string = (await lab.ec2('CreateRouteTable', { VpcId: vpcId })).RouteTable.RouteTableId;
  await lab.ec2('CreateRoute', { RouteTableId: publicRtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId });
  await lab.ec2('AssociateRouteTable', { RouteTableId: publicRtb, SubnetId: publicSubnet });
  const mainRtb: string = (await lab.ec2('DescribeRouteTables', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'association.main', Values: ['true'] }] }))
    .RouteTables[0].RouteTableId;
  const defaultSg: string = (await lab.ec2('DescribeSecurityGroups', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] }))
    .SecurityGroups[0].GroupId;
  const defaultAcl: string = (await lab.ec2('DescribeNetworkAcls', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })).NetworkAcls[0].NetworkAclId;
  return { vpcId, publicSubnet, privateSubnet, igwId, publicRtb, mainRtb, defaultSg, defaultAcl };
}
