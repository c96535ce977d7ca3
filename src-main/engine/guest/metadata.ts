/**
 * The instance metadata service at 169.254.169.254 (IMDSv1 and v2): instance identity, network
 * details per MAC, placement, user data and the instance role's temporary credentials (§6, §14).
 */
import type { Guest } from './machine';
import type { HttpResponseOut } from './types';

const text = (status: number, body: string, extra: Record<string, string> = {}): HttpResponseOut => ({
  status,
  statusText: status === 200 ? 'OK' : status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Bad Request',
  headers: { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(body)), server: 'EC2ws', ...extra },
  body,
});

const NOT_FOUND = `<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n\t"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n <head>\n  <title>404 - Not Found</title>\n </head>\n <body>\n  <h1>404 - Not Found</h1>\n </body>\n</html>\n`;

/** IMDSv2 session tokens handed out by PUT /latest/api/token, with their expiry (simulated ms). */
const tokens = new Map<string, { guestId: string; expires: number }>();

function tree(guest: Guest): Map<string, string | (() => string | undefined)> {
  const id = guest.identity;
  const eth0 = id.interfaces[0];
  const m = new Map<string, string | (() => string | undefined)>();
  const add = (p: string, v: string | (() => string | undefined)): void => void m.set(p, v);
  add('ami-id', id.imageId ?? '');
  add('ami-launch-index', String(id.amiLaunchIndex ?? 0));
  add('ami-manifest-path', '(unknown)');
  add('block-device-mapping/ami', id.volumes.find((v) => v.root)?.device.replace('/dev/', '') ?? 'xvda');
  add('block-device-mapping/root', id.volumes.find((v) => v.root)?.device ?? '/dev/xvda');
  id.volumes.filter((v) => !v.root).forEach((v, i) => add(v.kind === 'instance-store' ? `block-device-mapping/ephemeral${i}` : `block-device-mapping/ebs${i + 1}`, v.device.replace('/dev/', '')));
  add('hostname', eth0?.privateDns ?? '');
  add('instance-action', 'none');
  add('instance-id', id.id);
  add('instance-type', id.hardware.instanceType);
  add('local-hostname', eth0?.privateDns ?? '');
  add('local-ipv4', eth0?.privateIp ?? '');
  add('mac', eth0?.mac ?? '');
  if (eth0?.publicIp) add('public-ipv4', eth0.publicIp);
  if (eth0?.publicDns) add('public-hostname', eth0.publicDns);
  if (id.keyName && id.publicKey) {
    add('public-keys/0', 'openssh-key');
    add('public-keys/0/openssh-key', `${id.publicKey}`);
  }
  add('placement/availability-zone', id.availabilityZone);
  add('placement/region', id.region);
  add('profile', 'default-hvm');
  add('reservation-id', id.reservationId ?? '');
  add('security-groups', (eth0?.securityGroups ?? []).map((g) => g.name).join('\n'));
  add('services/domain', 'amazonaws.com');
  add('services/partition', 'aws');
  for (const nic of id.interfaces) {
    const base = `network/interfaces/macs/${nic.mac}`;
    add(`${base}/device-number`, nic.device.replace('eth', ''));
    add(`${base}/interface-id`, nic.interfaceId ?? '');
    add(`${base}/local-hostname`, nic.privateDns);
    add(`${base}/local-ipv4s`, nic.privateIp);
    add(`${base}/mac`, nic.mac);
    add(`${base}/owner-id`, id.accountId);
    if (nic.publicIp) {
      add(`${base}/public-hostname`, nic.publicDns ?? '');
      add(`${base}/public-ipv4s`, nic.publicIp);
    }
    add(`${base}/security-group-ids`, (nic.securityGroups ?? []).map((g) => g.id).join('\n'));
    add(`${base}/security-groups`, (nic.securityGroups ?? []).map((g) => g.name).join('\n'));
    add(`${base}/subnet-id`, nic.subnetId ?? '');
    add(`${base}/subnet-ipv4-cidr-block`, nic.subnetCidr);
    add(`${base}/vpc-id`, nic.vpcId ?? '');
    add(`${base}/vpc-ipv4-cidr-block`, nic.vpcCidr ?? '');
  }
  if (id.iamRole) {
    add('iam/info', () =>
      JSON.stringify({ Code: 'Success', LastUpdated: new Date(guest.host.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z'), InstanceProfileArn: id.instanceProfileArn ?? '', InstanceProfileId: 'AIPA' + id.id.slice(2, 18).toUpperCase() }, null, 2),
    );
    add(`iam/security-credentials/${id.iamRole}`, () => {
      const c = guest.host.roleCredentials?.(id);
      return c ? JSON.stringify({ Code: 'Success', LastUpdated: c.LastUpdated, Type: 'AWS-HMAC', AccessKeyId: c.AccessKeyId, SecretAccessKey: c.SecretAccessKey, Token: c.Token, Expiration: c.Expiration }, null, 2) : undefined;
    });
  }
  return m;
}

export function metadataRequest(guest: Guest, method: string, rawPath: string, headers: Record<string, string>): HttpResponseOut {
  const now = guest.host.clock.now();
  const path = rawPath.split('?')[0]!.replace(/\/{2,}/g, '/');
  const header = (k: string): string | undefined => headers[k] ?? headers[k.toLowerCase()];
  if (path === '/latest/api/token') {
    if (method !== 'PUT') return text(405, '', { allow: 'OPTIONS, PUT' });
    const ttl = Number(header('x-aws-ec2-metadata-token-ttl-seconds'));
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21600) return text(400, '');
    const token = Buffer.from(`${guest.identity.id}:${now}:${Math.random()}`).toString('base64').replace(/=+$/, '');
    tokens.set(token, { guestId: guest.identity.id, expires: now + ttl * 1000 });
    return text(200, token, { 'x-aws-ec2-metadata-token-ttl-seconds': String(ttl) });
  }
  const token = header('x-aws-ec2-metadata-token');
  if (token !== undefined) {
    const t = tokens.get(token);
    if (!t || t.guestId !== guest.identity.id || t.expires < now) return text(401, '');
  }
  if (method !== 'GET' && method !== 'HEAD') return text(405, '');
  if (path === '/' ) return text(200, '1.0\n2007-01-19\n2016-09-02\nlatest');
  if (path === '/latest' || path === '/latest/') return text(200, 'dynamic\nmeta-data\nuser-data');
  if (path === '/latest/user-data') return guest.identity.userData ? text(200, guest.identity.userData) : text(404, NOT_FOUND, { 'content-type': 'text/html' });
  if (path === '/latest/dynamic/instance-identity/document') {
    const id = guest.identity;
    return text(200, JSON.stringify({ accountId: id.accountId, architecture: 'x86_64', availabilityZone: id.availabilityZone, imageId: id.imageId, instanceId: id.id, instanceType: id.hardware.instanceType, pendingTime: new Date(id.launchTime).toISOString().replace(/\.\d+Z$/, 'Z'), privateIp: id.interfaces[0]?.privateIp, region: id.region, version: '2017-09-30' }, null, 2));
  }
  const prefix = '/latest/meta-data';
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return text(404, NOT_FOUND, { 'content-type': 'text/html' });
  const rel = path.slice(prefix.length).replace(/^\//, '');
  const t = tree(guest);
  const leaf = t.get(rel.replace(/\/$/, ''));
  if (leaf !== undefined && !rel.endsWith('/')) {
    const v = typeof leaf === 'function' ? leaf() : leaf;
    return v === undefined ? text(404, NOT_FOUND, { 'content-type': 'text/html' }) : text(200, v);
  }
  // A directory: list its children (sub-directories end with '/').
  const dir = rel.replace(/\/$/, '');
  const children = new Set<string>();
  for (const k of t.keys()) {
    if (dir && !k.startsWith(`${dir}/`)) continue;
    const rest = dir ? k.slice(dir.length + 1) : k;
    const slash = rest.indexOf('/');
    children.add(slash < 0 ? rest : `${rest.slice(0, slash)}/`);
  }
  if (children.size === 0) return text(404, NOT_FOUND, { 'content-type': 'text/html' });
  if (dir === 'public-keys') return text(200, `0=${guest.identity.keyName}`);
  return text(200, [...children].sort().join('\n'));
}
