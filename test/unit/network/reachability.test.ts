import { describe, expect, it } from 'vitest';
import { canReach, WORKSTATION_IP, type Endpoint, type NetworkWorld, type Traffic } from '../../../src-main/engine/network/index';
import { allowAll, baseWorld } from './world-fixture';

const ws: Endpoint = { kind: 'workstation' };
const web: Endpoint = { kind: 'instance', instanceId: 'i-web' };
const db: Endpoint = { kind: 'instance', instanceId: 'i-db' };
const net: Endpoint = { kind: 'internet', ip: '198.51.100.7' };
const ssh: Traffic = { protocol: 'tcp', port: 22 };
const https: Traffic = { protocol: 'tcp', port: 443 };

function reason(world: NetworkWorld, from: Endpoint, to: Endpoint, t: Traffic) {
  const r = canReach(world, from, to, t);
  if (r.ok) throw new Error('expected the connection to be blocked');
  return { code: r.reason.code, message: r.reason.message };
}

const edit = (f: (w: NetworkWorld) => void): NetworkWorld => {
  const w = baseWorld();
  f(w);
  return w;
};

describe('reachable paths', () => {
  it('workstation → public instance over ssh: route, ACL both ways, security group', () => {
    const r = canReach(baseWorld(), ws, web, ssh);
    expect(r).toEqual({
      ok: true,
      path: [
        { kind: 'workstation', note: `your workstation (${WORKSTATION_IP})` },
        { kind: 'network-acl', id: 'acl-default', note: 'inbound tcp/22 allowed by rule 100' },
        { kind: 'network-acl', id: 'acl-default', note: 'outbound replies allowed by rule 100' },
        { kind: 'security-group', id: 'sg-web', note: 'inbound tcp/22 from 0.0.0.0/0' },
        { kind: 'internet-gateway', id: 'igw-main', note: '54.1.2.3 → 10.0.1.10' },
        { kind: 'instance', id: 'i-web', note: 'i-web (10.0.1.10) in subnet-public' },
      ],
    });
  });

  it('private instance → internet through the NAT gateway, leaving with its address', () => {
    const r = canReach(baseWorld(), db, net, https);
    expect(r.ok).toBe(true);
    expect(r.path.filter((h) => h.kind === 'nat-gateway' || h.kind === 'internet-gateway')).toEqual([
      { kind: 'nat-gateway', id: 'nat-main', note: '10.0.1.9 → 54.9.9.9' },
      { kind: 'internet-gateway', id: 'igw-main', note: 'as 54.9.9.9' },
    ]);
  });

  it('inside the VPC over the local route, allowed by a group reference', () => {
    const r = canReach(baseWorld(), web, db, { protocol: 'tcp', port: 3306 });
    expect(r.ok).toBe(true);
    expect(r.path.map((h) => h.kind)).toEqual(['instance', 'local-route', 'network-acl', 'network-acl', 'network-acl', 'network-acl', 'security-group', 'security-group', 'instance']);
    expect(r.path[7]).toEqual({ kind: 'security-group', id: 'sg-db', note: 'inbound tcp/3306 from sg-web' });
  });

  it('ping needs an ICMP rule; the echo reply passes the ACL as ICMP type 0', () => {
    expect(reason(baseWorld(), ws, web, { protocol: 'icmp', port: 8 })).toEqual({
      code: 'security-group-inbound-denied',
      message: 'no security-group rule allows icmp type 8 from 203.0.113.10/32 (sg-web: allows tcp/22 from 0.0.0.0/0, tcp/80 from 0.0.0.0/0)',
    });
    const w = edit((x) => x.securityGroups[0]!.ingress.push({ protocol: 'icmp', fromPort: 8, toPort: -1, cidr: '0.0.0.0/0' }));
    expect(canReach(w, ws, web, { protocol: 'icmp', port: 8 }).ok).toBe(true);
  });
});

describe('every reason has a scenario', () => {
  it('unknown-endpoint', () => {
    expect(reason(baseWorld(), ws, { kind: 'instance', instanceId: 'i-nope' }, ssh)).toEqual({ code: 'unknown-endpoint', message: 'instance i-nope does not exist' });
  });

  it('source-not-running', () => {
    const w = edit((x) => (x.instances[0]!.state = 'stopped'));
    expect(reason(w, web, net, https)).toEqual({ code: 'source-not-running', message: 'instance i-web is stopped' });
  });

  it('target-not-running', () => {
    const w = edit((x) => (x.instances[0]!.state = 'stopped'));
    expect(reason(w, ws, web, ssh)).toEqual({ code: 'target-not-running', message: 'instance i-web is stopped' });
  });

  it('no-public-ip (into a private instance, and out through an internet gateway without one)', () => {
    expect(reason(baseWorld(), ws, db, ssh)).toEqual({ code: 'no-public-ip', message: 'instance i-db has no public IP address' });
    const w = edit((x) => (x.interfaces[0]!.publicIp = undefined));
    expect(reason(w, web, net, https)).toEqual({ code: 'no-public-ip', message: 'instance i-web has no public IP address, so its traffic cannot use internet gateway igw-main' });
  });

  it('no-internet-gateway-route (no default route; a NAT route only carries outbound connections)', () => {
    const w = edit((x) => x.routeTables[0]!.routes.pop());
    expect(reason(w, ws, web, ssh)).toEqual({ code: 'no-internet-gateway-route', message: 'subnet subnet-public has no route to an internet gateway (route table rtb-public)' });
    const w2 = edit((x) => (x.interfaces[1]!.publicIp = '54.4.4.4'));
    expect(reason(w2, ws, db, ssh)).toEqual({
      code: 'no-internet-gateway-route',
      message: 'subnet subnet-private has no route to an internet gateway (route table rtb-main sends 0.0.0.0/0 to NAT gateway nat-main, which only carries connections that start inside the VPC)',
    });
  });

  it('route-blackhole', () => {
    const w = edit((x) => {
      x.internetGateways[0]!.vpcId = null;
      x.routeTables[0]!.routes[1]!.state = 'blackhole';
    });
    expect(reason(w, ws, web, ssh)).toEqual({ code: 'route-blackhole', message: 'route table rtb-public sends 0.0.0.0/0 to igw-main, which no longer exists or is detached (blackhole)' });
  });

  it('route-target-not-simulated', () => {
    const w = edit((x) => (x.routeTables[1]!.routes[1]!.target = { kind: 'network-interface', id: 'eni-web', instanceId: 'i-web' }));
    expect(reason(w, db, net, https)).toEqual({
      code: 'route-target-not-simulated',
      message: 'route table rtb-main sends 0.0.0.0/0 to eni-web; forwarding through instances or interfaces is not simulated',
    });
  });

  it('nat-gateway-not-available', () => {
    const w = edit((x) => (x.natGateways[0]!.state = 'pending'));
    expect(reason(w, db, net, https)).toEqual({ code: 'nat-gateway-not-available', message: 'NAT gateway nat-main is pending' });
  });

  it('nat-gateway-no-internet (the NAT gateway sits in a private subnet)', () => {
    const w = edit((x) => (x.natGateways[0]!.subnetId = 'subnet-private'));
    expect(reason(w, db, net, https)).toEqual({
      code: 'nat-gateway-no-internet',
      message: 'NAT gateway nat-main is in subnet subnet-private, which has no route to an internet gateway (route table rtb-main)',
    });
  });

  it('network-acl-inbound-denied', () => {
    const w = edit((x) => {
      x.networkAcls.push({ id: 'acl-public', vpcId: 'vpc-main', entries: [{ ruleNumber: 100, egress: false, protocol: '6', action: 'deny', cidr: '0.0.0.0/0', portFrom: 22, portTo: 22 }, ...allowAll()] });
      x.subnets[0]!.networkAclId = 'acl-public';
    });
    expect(reason(w, ws, web, ssh)).toEqual({ code: 'network-acl-inbound-denied', message: 'network ACL acl-public rule 100 denies tcp/22 from 203.0.113.10 into subnet subnet-public' });
    expect(canReach(w, ws, web, { protocol: 'tcp', port: 80 }).ok).toBe(true);
  });

  it('network-acl-outbound-denied: replies need their own rule (stateless)', () => {
    const w = edit((x) => {
      x.networkAcls.push({
        id: 'acl-public',
        vpcId: 'vpc-main',
        entries: [
          { ruleNumber: 100, egress: false, protocol: '6', action: 'allow', cidr: '0.0.0.0/0', portFrom: 22, portTo: 22 },
          { ruleNumber: 100, egress: true, protocol: '6', action: 'allow', cidr: '0.0.0.0/0', portFrom: 80, portTo: 80 },
          { ruleNumber: 32767, egress: false, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
          { ruleNumber: 32767, egress: true, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
        ],
      });
      x.subnets[0]!.networkAclId = 'acl-public';
    });
    expect(reason(w, ws, web, ssh)).toEqual({
      code: 'network-acl-outbound-denied',
      message:
        'network ACL acl-public rule * (the final deny) denies the replies (tcp ports 1024-65535) to 203.0.113.10 leaving subnet subnet-public; network ACLs are stateless, so replies need their own outbound rule',
    });
    // Allowing 1024-65535 except a denied slice still fails, on the rule that denies the slice.
    const w2 = edit((x) => {
      x.networkAcls[0]!.entries.push({ ruleNumber: 90, egress: true, protocol: '6', action: 'deny', cidr: '0.0.0.0/0', portFrom: 3000, portTo: 3100 });
    });
    expect(reason(w2, ws, web, ssh).message).toBe(
      'network ACL acl-default rule 90 denies the replies (tcp ports 1024-65535) to 203.0.113.10 leaving subnet subnet-public; network ACLs are stateless, so replies need their own outbound rule',
    );
  });

  it('network-acl-outbound-denied on the request, between subnets of one VPC', () => {
    const w = edit((x) => {
      x.networkAcls.push({ id: 'acl-public', vpcId: 'vpc-main', entries: [{ ruleNumber: 50, egress: true, protocol: '6', action: 'deny', cidr: '10.0.2.0/24', portFrom: 3306, portTo: 3306 }, ...allowAll()] });
      x.subnets[0]!.networkAclId = 'acl-public';
    });
    expect(reason(w, web, db, { protocol: 'tcp', port: 3306 })).toEqual({
      code: 'network-acl-outbound-denied',
      message: 'network ACL acl-public rule 50 denies tcp/3306 to 10.0.2.10 leaving subnet subnet-public',
    });
  });

  it('security-group-inbound-denied names what the groups do allow', () => {
    const w = edit((x) => (x.securityGroups[0]!.ingress = [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/8' }]));
    expect(reason(w, ws, web, ssh)).toEqual({
      code: 'security-group-inbound-denied',
      message: 'no security-group rule allows tcp/22 from 203.0.113.10/32 (sg-web: allows tcp/22 from 10.0.0.0/8 only)',
    });
    expect(reason(baseWorld(), web, db, ssh)).toEqual({
      code: 'security-group-inbound-denied',
      message: 'no security-group rule allows tcp/22 from 10.0.1.10/32 (sg-db: allows tcp/3306 from sg-web)',
    });
    const w2 = edit((x) => (x.securityGroups[0]!.ingress = []));
    expect(reason(w2, ws, web, ssh).message).toBe('no security-group rule allows tcp/22 from 203.0.113.10/32 (sg-web: no inbound rules)');
  });

  it('security-group-outbound-denied', () => {
    const w = edit((x) => (x.securityGroups[0]!.egress = [{ protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' }]));
    expect(reason(w, web, net, https)).toEqual({
      code: 'security-group-outbound-denied',
      message: 'no outbound security-group rule allows tcp/443 to 198.51.100.7/32 (sg-web: allows tcp/80 to 0.0.0.0/0)',
    });
  });
});
