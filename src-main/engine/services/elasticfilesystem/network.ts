/**
 * Where EFS sits in the guests' network: `fs-ID.efs.REGION.amazonaws.com` resolves, inside the
 * mount targets' VPC, to the mount target of the asking instance's zone (no mount target there:
 * no answer, as AWS's DNS gives none); `ZONE.fs-ID.efs.REGION.amazonaws.com` to that zone's. Only
 * available mount targets answer, so the book's `while ! nc -z … 2049` waits for them. A mount
 * target's address is its EC2 network interface, listening on tcp/2049, so security groups and
 * NACLs judge NFS like any other connection.
 */
import { Duplex } from 'node:stream';
import type { ServiceEndpoint, ServiceNetwork } from '../../core/data-planes';
import { runtime } from './runtime';
import type { MtRow } from './state/mount-targets';

const NAME = /^(?:([a-z]{2}-[a-z]+-\d[a-z])\.)?(fs-[0-9a-f]{8,17})\.efs\.([a-z]{2}-[a-z]+-\d)\.amazonaws\.com$/;

export const NFS_PORT = 2049;

/** The mount target a name stands for, for a client in these VPCs and zone. */
export function mountTargetFor(name: string, from: { accountId: string; region: string; availabilityZone?: string; vpcIds?: readonly string[] } | undefined): MtRow | undefined {
  const m = NAME.exec(name.toLowerCase());
  const r = runtime();
  if (!m || !r || !from || m[3] !== from.region) return undefined;
  const zone = m[1] ?? from.availabilityZone;
  const rows = r.store
    .stmt('SELECT * FROM efs_mount_targets WHERE account_id = ? AND region = ? AND fs_id = ? AND az = ? AND available_at <= ?')
    .all(from.accountId, from.region, m[2], zone, r.clock.now()) as MtRow[];
  return rows.find((t) => !from.vpcIds || from.vpcIds.includes(t.vpc_id));
}

/** An NFS connection opened as a raw stream (nc, telnet): the server waits for RPCs nobody sends. */
function idleStream(): Duplex {
  return new Duplex({
    read() {},
    write(_chunk, _enc, done) {
      done();
    },
  });
}

function endpoint(t: MtRow): ServiceEndpoint {
  return { service: 'elasticfilesystem', accountId: t.account_id, region: t.region, vpcId: t.vpc_id, eniId: t.eni_id, ports: [NFS_PORT], open: async () => idleStream() };
}

export const efsNetwork: ServiceNetwork = {
  resolve(name, from) {
    return mountTargetFor(name, from)?.ip;
  },
  at(address, scope) {
    const r = runtime();
    if (!r) return undefined;
    const rows = r.store.stmt('SELECT * FROM efs_mount_targets WHERE ip = ? AND available_at <= ?').all(address, r.clock.now()) as MtRow[];
    const t = rows.find((x) => !scope || (x.account_id === scope.accountId && x.region === scope.region));
    return t ? endpoint(t) : undefined;
  },
};
