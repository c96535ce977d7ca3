/**
 * The guests' network, over EC2's network model: names resolve like Amazon's DNS (private names
 * inside a VPC, public names to private addresses from inside AWS), and every connection asks
 * explainReachability whether routes, NACLs and security groups let it through. Hosts outside the
 * cloud come from the offline internet (resources/guest/sites.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock/clock';
import type { Store } from '../store/store';
import type { ConnectResult, GuestLike, GuestNetwork, HttpRequestIn, HttpResponseOut } from '../guest/types';
import { internalCtx } from '../services/ec2/state/instance-lifecycle';
import { explainReachability } from '../services/ec2/state/network-world';
import type { Endpoint } from '../network/index';
import type { ServiceNetwork } from '../core/data-planes';
import type { LoadBalancerClient, LoadBalancerDataPlane } from '../services/elasticloadbalancingv2/index';

interface Site {
  ip: string;
  alias?: string;
  pages?: Record<string, string>;
  dynamic?: 'client-ip';
  mirror?: boolean;
}

export interface OfflineInternet {
  resolve(name: string): string | undefined;
  isSite(ip: string): boolean;
  serve(req: HttpRequestIn & { scheme: string }): HttpResponseOut | undefined;
}

/**
 * AWS's public endpoints that guests reach over the internet by name: CloudFormation's API (the
 * helper scripts) and the S3 host of wait-condition handle URLs. Each region's endpoint gets a
 * fixed address in Amazon's ranges, so a route to the internet is what it takes to reach it.
 */
const AWS_ENDPOINTS: { pattern: RegExp; prefix: string; host: number }[] = [
  { pattern: /^cloudformation\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com$/, prefix: '52.94', host: 20 },
  { pattern: /^cloudformation-waitcondition-([a-z]{2}(?:-gov)?-[a-z]+-\d)\.s3\.amazonaws\.com$/, prefix: '52.216', host: 10 },
];

function awsEndpointAddress(name: string): string | undefined {
  for (const e of AWS_ENDPOINTS) {
    const m = e.pattern.exec(name);
    if (!m) continue;
    let h = 0;
    for (const c of m[1]!) h = (h * 31 + c.charCodeAt(0)) % 200;
    return `${e.prefix}.${h + 1}.${e.host}`;
  }
  return undefined;
}

export function loadOfflineInternet(resourcesDir: string): OfflineInternet {
  const sites = new Map(Object.entries((JSON.parse(readFileSync(join(resourcesDir, 'guest', 'sites.json'), 'utf8')) as { sites: Record<string, Site> }).sites));
  const ips = new Set([...sites.values()].map((s) => s.ip));
  const page = (status: number, body: string, type = 'text/html; charset=UTF-8'): HttpResponseOut => ({
    status,
    statusText: status === 200 ? 'OK' : 'Not Found',
    headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
  return {
    resolve(name) {
      const n = name.toLowerCase().replace(/\.$/, '');
      const endpoint = awsEndpointAddress(n);
      if (endpoint) ips.add(endpoint);
      return sites.get(n)?.ip ?? endpoint;
    },
    isSite: (ip) => ips.has(ip),
    serve(req) {
      const byName = sites.get(req.host.replace(/:\d+$/, '').toLowerCase());
      const site = byName?.alias ? sites.get(byName.alias) : (byName ?? [...sites.values()].find((s) => s.ip === req.host));
      if (!site) return undefined;
      if (site.dynamic === 'client-ip') return page(200, `${req.sourceIp}\n`, 'text/plain');
      const path = req.path.split('?')[0] ?? '/';
      const body = site.pages?.[path];
      if (body !== undefined) return page(200, body);
      return page(404, '<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>\n');
    },
  };
}

interface Located {
  accountId: string;
  region: string;
  instanceId: string;
  eniId: string;
  privateIp: string;
  publicIp?: string;
  /** The address given was the private one. */
  viaPrivate: boolean;
  vpcId: string;
}

export interface NetworkDeps {
  store: Store;
  clock: Clock;
  internet: OfflineInternet;
  guest(id: string): GuestLike | undefined;
  workstationIp: string;
  /** Services' data planes behind network interfaces (Redis nodes, databases): manifests' `network`. */
  services?: readonly ServiceNetwork[];
  /** Load balancers: their DNS names and nodes (services/elasticloadbalancingv2/data-plane.ts). */
  loadBalancers?: LoadBalancerDataPlane;
}

export function createGuestNetwork(deps: NetworkDeps): GuestNetwork {
  const { store } = deps;

  /** The interface behind an address, in any region: its private IP, its Elastic IP or its launch public IP. */
  function locate(address: string, scope?: { accountId: string; region: string }): Located | undefined {
    type Row = { account_id: string; region: string; instance_id: string | null; eni_id: string; vpc_id: string; private_ip: string; public_ip: string | null };
    const byPrivate = store
      .stmt(
        `SELECT n.account_id, n.region, n.instance_id, n.eni_id, n.vpc_id, p.private_ip, n.public_ip
           FROM ec2_eni_private_ips p JOIN ec2_network_interfaces n ON n.eni_id = p.eni_id
          WHERE p.private_ip = ? AND n.account_id = ? AND n.region = ?`,
      )
      .all(address, scope?.accountId ?? '', scope?.region ?? '') as Row[];
    const eip = store
      .stmt(
        `SELECT n.account_id, n.region, n.instance_id, n.eni_id, n.vpc_id, a.private_ip, a.public_ip
           FROM ec2_addresses a JOIN ec2_network_interfaces n ON n.eni_id = a.network_interface_id WHERE a.public_ip = ?`,
      )
      .get(address) as Row | undefined;
    const launch = store
      .stmt(
        `SELECT n.account_id, n.region, n.instance_id, n.eni_id, n.vpc_id, p.private_ip, n.public_ip
           FROM ec2_network_interfaces n JOIN ec2_eni_private_ips p ON p.eni_id = n.eni_id AND p.is_primary = 1 WHERE n.public_ip = ?`,
      )
      .get(address) as Row | undefined;
    const row = byPrivate[0] ?? eip ?? launch;
    if (!row || !row.instance_id) return undefined;
    return {
      accountId: row.account_id,
      region: row.region,
      instanceId: row.instance_id,
      eniId: row.eni_id,
      privateIp: row.private_ip,
      ...(row.public_ip ? { publicIp: row.public_ip } : {}),
      viaPrivate: byPrivate.length > 0,
      vpcId: row.vpc_id,
    };
  }

  const serviceEndpointAt = (address: string, scope?: { accountId: string; region: string }) => {
    for (const svc of deps.services ?? []) {
      const e = svc.at(address, scope);
      if (e) return e;
    }
    return undefined;
  };

  const ctxFor = (accountId: string, region: string) => internalCtx({ store, clock: deps.clock }, accountId, region);

  function explain(accountId: string, region: string, from: Endpoint, to: Endpoint, protocol: 'tcp' | 'udp' | 'icmp', port: number): ConnectResult | undefined {
    const r = explainReachability(ctxFor(accountId, region), { from, to, protocol, port: protocol === 'icmp' ? 8 : port });
    if (r.ok) return undefined;
    return { ok: false, failure: 'timeout', reason: { code: r.reason.code, message: r.reason.message } };
  }

  return {
    resolve(from, name) {
      const n = name.toLowerCase().replace(/\.$/, '');
      const id = from.identity;
      const priv = /^ip-(\d+)-(\d+)-(\d+)-(\d+)\.(ec2|[a-z0-9-]+\.compute)\.internal$/.exec(n);
      if (priv) return id.kind === 'instance' ? priv.slice(1, 5).join('.') : undefined;
      const pub = /^ec2-(\d+)-(\d+)-(\d+)-(\d+)\.(compute-1|[a-z0-9-]+\.compute)\.amazonaws\.com$/.exec(n);
      if (pub) {
        const ip = pub.slice(1, 5).join('.');
        // Inside AWS a public DNS name resolves to the private address (same region).
        if (id.kind === 'instance') {
          const loc = locate(ip);
          if (loc && loc.region === id.region && loc.accountId === id.accountId) return loc.privateIp;
        }
        return ip;
      }
      if (n === 'localhost') return '127.0.0.1';
      const asker = id.kind === 'instance' ? { accountId: id.accountId, region: id.region, availabilityZone: id.availabilityZone, vpcIds: id.interfaces.flatMap((i) => (i.vpcId ? [i.vpcId] : [])) } : undefined;
      for (const svc of deps.services ?? []) {
        const ip = svc.resolve(n, asker);
        if (ip) return ip;
      }
      return deps.loadBalancers?.resolve(n) ?? deps.internet.resolve(n);
    },

    connect(from, address, protocol, port) {
      const id = from.identity;
      const fromEp: Endpoint = id.kind === 'workstation' ? { kind: 'workstation' } : { kind: 'instance', instanceId: id.id };
      const scope = id.kind === 'instance' ? { accountId: id.accountId, region: id.region } : undefined;
      const client: LoadBalancerClient =
        id.kind === 'workstation'
          ? { kind: 'workstation', ip: deps.workstationIp }
          : { kind: 'instance', instanceId: id.id, accountId: id.accountId, region: id.region, vpcIds: id.interfaces.flatMap((i) => (i.vpcId ? [i.vpcId] : [])), ip: id.interfaces[0]?.privateIp ?? '' };
      const viaLoadBalancer = deps.loadBalancers?.connect(client, address, protocol, port);
      if (viaLoadBalancer) return viaLoadBalancer;
      const target = locate(address, scope);
      if (target) {
        const sameVpc = id.kind === 'instance' && id.interfaces.some((i) => i.vpcId === target.vpcId) && target.region === id.region;
        if (target.viaPrivate && !sameVpc) {
          return { ok: false, failure: 'timeout', reason: { code: 'private-address', message: `${address} is a private address of ${target.instanceId}; it is reachable only from inside its VPC` } };
        }
        const toEp: Endpoint = { kind: 'interface', interfaceId: target.eniId };
        if (id.kind === 'instance' && target.region !== id.region) {
          // Between regions traffic crosses the internet: out of one VPC, into the other.
          const out = explain(id.accountId, id.region, fromEp, { kind: 'internet', ip: address }, protocol, port);
          if (out) return out;
          const srcIp = id.interfaces[0]?.publicIp;
          const inn = explain(target.accountId, target.region, { kind: 'internet', ...(srcIp ? { ip: srcIp } : {}) }, toEp, protocol, port);
          if (inn) return inn;
        } else {
          const blocked = explain(target.accountId, target.region, fromEp, toEp, protocol, port);
          if (blocked) return blocked;
        }
        return { ok: true, target: { kind: 'guest', guestId: target.instanceId, address } };
      }
      for (const svc of deps.services ?? []) {
        const http = svc.internetHttp?.(address);
        if (!http) continue;
        if (id.kind === 'instance') {
          const blocked = explain(id.accountId, id.region, fromEp, { kind: 'internet', ip: address }, protocol, port);
          if (blocked) return blocked;
        }
        if (protocol !== 'tcp' || (port !== 80 && port !== 443)) return { ok: false, failure: 'timeout', reason: { code: 'no-listener', message: `${address} answers only HTTP on port 80` } };
        return { ok: true, target: { kind: 'proxy', serve: (req) => http(req) } };
      }
      const endpoint = serviceEndpointAt(address, scope);
      if (endpoint) {
        const sameVpc = id.kind === 'instance' && id.interfaces.some((i) => i.vpcId === endpoint.vpcId) && endpoint.region === id.region;
        // A private address (a Redis node, a database without public access) is reachable only inside its VPC.
        if (!sameVpc && /^(10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.)/.test(address)) return { ok: false, failure: 'timeout', reason: { code: 'private-address', message: `${address} is a private address of a ${endpoint.service} endpoint; it is reachable only from inside its VPC` } };
        const blocked = explain(endpoint.accountId, endpoint.region, fromEp, { kind: 'interface', interfaceId: endpoint.eniId }, protocol, port);
        if (blocked) return blocked;
        if (protocol !== 'tcp' || !endpoint.ports.includes(port)) return { ok: false, failure: 'refused' };
        return { ok: true, target: { kind: 'stream', service: endpoint.service, open: (source) => endpoint.open(port, source) } };
      }
      if (deps.internet.isSite(address) || !/^(10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.)/.test(address)) {
        if (id.kind === 'instance') {
          const blocked = explain(id.accountId, id.region, fromEp, { kind: 'internet', ip: address }, protocol, port);
          if (blocked) return blocked;
        }
        if (!deps.internet.isSite(address)) return { ok: false, failure: 'timeout', reason: { code: 'offline-internet', message: `${address} is outside the lab's offline internet` } };
        return { ok: true, target: { kind: 'site', host: address } };
      }
      return { ok: false, failure: 'timeout', reason: { code: 'no-such-host', message: `nothing in the lab has the address ${address}` } };
    },

    guest: (gid) => deps.guest(gid),
  };
}
