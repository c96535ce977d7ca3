/**
 * NFS mounts (`mount -t nfs4 HOST:/ DIR`, `mount -t efs fs-…:/ DIR` with amazon-efs-utils, fstab
 * entries): the server's name resolves in the virtual network, tcp/2049 must pass routes, NACLs
 * and security groups (a dropped connection makes a hard mount wait, then time out), and the
 * host's NFS server (an EFS mount target) hands over the export's files, shared live.
 */
import type { Guest } from '../../machine';
import { reach } from '../../net-client';
import type { TerminalIo } from '../../types';

export interface NfsMountResult {
  error?: string;
  /** The connection was dropped: the mount waits this long before giving up. */
  timeoutMs?: number;
}

const NFS_PORT = 2049;

export const isNfsType = (type: string | undefined, device: string): boolean =>
  type === 'nfs' || type === 'nfs4' || type === 'efs' || (type === undefined && device.includes(':'));

function optionMap(options: string): Map<string, string | true> {
  const m = new Map<string, string | true>();
  for (const o of options.split(',').filter(Boolean)) {
    const eq = o.indexOf('=');
    m.set(eq < 0 ? o : o.slice(0, eq), eq < 0 ? true : o.slice(eq + 1));
  }
  return m;
}

/** What `mount` lists for an NFSv4 mount, as the kernel reports it. */
function shownOptions(opts: Map<string, string | true>, clientIp: string, serverIp: string): string {
  const get = (k: string, d: string): string => {
    const v = opts.get(k);
    return typeof v === 'string' ? v : d;
  };
  const vers = get('nfsvers', get('vers', '4.1'));
  const mode = opts.has('soft') ? 'soft' : 'hard';
  return `rw,relatime,vers=${vers},rsize=${get('rsize', '1048576')},wsize=${get('wsize', '1048576')},namlen=255,${mode},${opts.has('noresvport') ? 'noresvport,' : ''}proto=tcp,timeo=${get('timeo', '600')},retrans=${get('retrans', '2')},sec=sys,clientaddr=${clientIp},local_lock=none,addr=${serverIp}`;
}

/** Mounts an NFS export at `point` (which must exist); the result says what went wrong, if anything. */
export function mountNfs(guest: Guest, device: string, point: string, type: string | undefined, options: string, io?: TerminalIo): NfsMountResult {
  const region = guest.identity.region;
  const opts = optionMap(options);
  let server: string;
  let path: string;
  const tool = type === 'efs' ? 'mount.efs' : 'mount.nfs4';
  if (type === 'efs') {
    if (!guest.rootFs.existsSync('/sbin/mount.efs')) return { error: "mount: unknown filesystem type 'efs'" };
    const [id, p] = device.split(':');
    server = /^fs-[0-9a-f]+$/.test(id ?? '') ? `${id}.efs.${region}.amazonaws.com` : (id ?? '');
    path = p || '/';
  } else {
    const colon = device.indexOf(':');
    if (colon <= 0) return { error: "mount.nfs4: remote share not in 'host:dir' format" };
    server = device.slice(0, colon);
    path = device.slice(colon + 1) || '/';
  }
  if (!guest.rootFs.existsSync(point)) return { error: `${tool}: mount point ${point} does not exist` };
  if (guest.rootFs.listMounts().some((m) => m.point === point && m.point !== '/')) return { error: `${tool}: ${point} is busy or already mounted` };
  const addr = /^\d+\.\d+\.\d+\.\d+$/.test(server) ? server : guest.host.net.resolve(guest, server);
  if (!addr) {
    if (type === 'efs') return { error: `Failed to resolve "${server}" - check that your file system ID is correct, and ensure that the VPC has an EFS mount target for this file system ID.\nSee https://docs.aws.amazon.com/console/efs/mount-dns-name for more detail.` };
    return { error: `mount.nfs4: Failed to resolve server ${server}: Name or service not known` };
  }
  // Through the guest's network client: a dropped connection is explained on the terminal and in the console.
  const c = reach(guest, addr, 'tcp', NFS_PORT, io).result;
  if (!c.ok) {
    if (c.failure === 'refused') return { error: `${tool}: Connection refused` };
    const timeo = Number(opts.get('timeo')) || 600;
    const retrans = Number(opts.get('retrans')) || 2;
    return {
      error: `${tool}: Connection timed out`,
      // A hard mount keeps retrying: timeo (tenths of a second) per try, retrans tries, about two minutes in all.
      timeoutMs: Math.max(120_000, timeo * 100 * (retrans + 1)),
    };
  }
  const ref: { backend?: unknown } = {};
  const mounted = (): boolean => guest.state === 'running' && guest.rootFs.listMounts().some((m) => m.backend === ref.backend);
  const exp = guest.host.nfs?.(guest, addr, path, options, mounted);
  if (exp === undefined) return { error: `${tool}: access denied by server while mounting ${device}` };
  if (typeof exp === 'string') return { error: exp };
  ref.backend = exp.backend;
  guest.rootFs.mount({
    point,
    backend: exp.backend,
    source: `${server}:${path}`,
    fsType: 'nfs4',
    capacityBytes: exp.capacityBytes,
    options: shownOptions(opts, guest.sourceAddress(), addr),
  });
  return {};
}
