/**
 * One guest machine: an EC2 instance's Linux or the learner's workstation. It owns the mount table
 * over its disks, reads users from its own /etc/passwd, tracks running services and processes while
 * it runs, serves HTTP when a web server is up, and boots (cloud-init on first boot, /etc/fstab and
 * enabled services on every boot).
 */
import { GuestFs, type Credentials, type Mount } from './fs/guest-fs';
import { createVolumeBackend, ensureVolume, eraseVolume, getVolume, markSeeded } from './fs/volume';
import { createVirtualBackend, type VirtualFile } from './fs/virtual';
import { seedImage } from './base-tree';
import { imageFor, packagesFor, type OsImage } from './catalog';
import { parsePasswd, type GuestUser } from './users';
import { cpuinfo, meminfo } from './proc';
import type { GuestHost, GuestIdentity, GuestLike, GuestVolume, HttpRequestIn, HttpResponseOut } from './types';
import { serveHttp } from './http-server';
import { chargeCpu } from './cpu';

/** Simulated CPU milliseconds one request costs a guest's web server (Apache's static file; a PHP page). */
const STATIC_REQUEST_CPU_MS = 0.5;
const PHP_REQUEST_CPU_MS = 60;
import { guestDeviceName } from './devices';
import { scheduleAtJob } from './scheduler';
import type { AtJob } from './commands/at/at';

export interface RunningService {
  name: string;
  kind: string;
  pid: number;
  startedAt: number;
  port?: number;
  user: string;
  command: string;
  /** A periodic daemon (cfn-hup): what each wake-up runs, how often, and when it last woke up. */
  periodic?: { run: string; every: { file: string; key: string; minutes: number }; lastRun?: number };
}

export interface GuestProcess {
  pid: number;
  ppid: number;
  user: string;
  command: string;
  startedAt: number;
  tty: string;
  /** Stops it (a background job: kill PID, kill %N). */
  kill?: () => void;
  /** Runnable real milliseconds it has burnt (ps, top). */
  cpuMs?: () => number;
}

const ROOT: Credentials = { uid: 0, gid: 0, groups: [0] };

export class Guest implements GuestLike {
  readonly image: OsImage;
  state: 'running' | 'stopped' = 'stopped';
  bootedAt = 0;
  readonly services = new Map<string, RunningService>();
  readonly sessions = new Map<number, GuestProcess>();
  /** Formatted devices that are mounted: device → mount point. */
  private nextPid = 1;
  private readonly timers: (() => void)[] = [];
  /** The root filesystem as root sees it (system work: boot, package installs). */
  readonly rootFs: GuestFs;
  private readonly mountTable: { mounts: Mount[] };
  /** Known host keys (ssh's known_hosts is a file; this is the per-guest host key fingerprint seed). */
  readonly hostKeySeed: string;
  dropCaches = 0;
  /** Mount points frozen with fsfreeze -f. */
  readonly frozen = new Set<string>();

  constructor(
    readonly host: GuestHost,
    public identity: GuestIdentity,
    private readonly commandNames: readonly string[],
  ) {
    this.image = imageFor(host.catalog, identity.imageKey);
    this.hostKeySeed = `${identity.id}:${identity.imageKey}`;
    this.mountTable = { mounts: [] };
    this.rootFs = this.fsFor(() => ROOT);
  }

  // ── filesystem ───────────────────────────────────────────────────────────────────────────────
  /** A view of the tree with the given credentials; all views share one mount table. */
  fsFor(credentials: () => Credentials): GuestFs {
    return new GuestFs({
      mounts: [],
      table: this.mountTable,
      credentials,
      now: () => this.host.clock.now(),
      devices: {
        read: (name) => (name === 'zero' ? new Uint8Array(64 * 1024) : name === 'urandom' || name === 'random' ? crypto.getRandomValues(new Uint8Array(64)) : new Uint8Array(0)),
        write: () => {},
      },
    });
  }

  rootVolume(): GuestVolume | undefined {
    return this.identity.volumes.find((v) => v.root) ?? this.identity.volumes[0];
  }

  /** Ensures the root volume exists and holds the AMI's files (first use of that volume). */
  private prepareRoot(): void {
    const root = this.rootVolume();
    if (!root) throw new Error(`guest ${this.identity.id} has no root volume`);
    const { store, clock } = this.host;
    const vol = ensureVolume(store, root.dataId, root.sizeBytes, clock.now());
    if (!vol.fsType) {
      store.tx(() => {
        seedImage(createVolumeBackend(store, root.dataId), {
          image: this.image,
          defaultUser: this.identity.defaultUser,
          commands: this.commandNames,
          packages: [...packagesFor(this.host.catalog, this.image).values()].filter((p) => p.preinstalled && p.programs),
          now: clock.now(),
        });
        markSeeded(store, root.dataId, this.image.fsType, `image:${this.image.key}`, this.image.baseUsedMiB * 1024 * 1024);
      });
    }
  }

  private mountBase(): void {
    const root = this.rootVolume()!;
    const rootSource = this.identity.kind === 'workstation' ? '/dev/sda1' : `${guestDeviceName(root.device, this.image)}1`;
    this.mountTable.mounts = [];
    const fs = this.rootFs;
    fs.mount({
      point: '/',
      backend: createVolumeBackend(this.host.store, root.dataId),
      source: rootSource,
      fsType: this.image.fsType,
      capacityBytes: root.sizeBytes,
      options: 'rw,noatime',
    });
    fs.mount({
      point: '/proc',
      backend: createVirtualBackend(() => this.procFiles(), { now: () => this.host.clock.now(), readOnly: false }),
      source: 'proc',
      fsType: 'proc',
      options: 'rw,relatime',
    });
    fs.mount({
      point: '/dev',
      backend: createVirtualBackend(() => this.devFiles(), { now: () => this.host.clock.now(), readOnly: false }),
      source: 'devtmpfs',
      fsType: 'devtmpfs',
      options: 'rw,relatime',
    });
  }

  private procFiles(): Map<string, VirtualFile> {
    const hw = this.identity.hardware;
    const up = Math.max(0, (this.host.clock.now() - this.bootedAt) / 1000);
    const m = new Map<string, VirtualFile>([
      ['/cpuinfo', { kind: 'file', mode: 0o444, content: () => cpuinfo(hw) }],
      ['/meminfo', { kind: 'file', mode: 0o444, content: () => meminfo(hw) }],
      ['/uptime', { kind: 'file', mode: 0o444, content: () => `${up.toFixed(2)} ${(up * 0.97 * hw.vCpus).toFixed(2)}\n` }],
      ['/loadavg', { kind: 'file', mode: 0o444, content: () => '0.00 0.01 0.05 1/97 2641\n' }],
      ['/version', { kind: 'file', mode: 0o444, content: () => `Linux version ${this.image.kernel} (mockbuild@build) (gcc version 7.2.1) ${this.image.kernelBuild}\n` }],
      ['/mounts', { kind: 'file', mode: 0o444, content: () => this.rootFs.listMounts().map((x) => `${x.source} ${x.point} ${x.fsType} ${x.options} 0 0`).join('\n') + '\n' }],
      ['/sys/vm/drop_caches', { kind: 'file', mode: 0o644, content: () => '0\n', onWrite: () => void this.dropCaches++ }],
      ['/sys/net/ipv4/ip_forward', { kind: 'file', mode: 0o644, content: () => '0\n', onWrite: () => {} }],
      ['/self', { kind: 'symlink', mode: 0o777, target: '/proc/1' }],
      ['/1/status', { kind: 'file', mode: 0o444, content: () => 'Name:\tbash\nState:\tS (sleeping)\nPid:\t1\n' }],
    ]);
    return m;
  }

  private devFiles(): Map<string, VirtualFile> {
    const m = new Map<string, VirtualFile>([
      ['/null', { kind: 'device', mode: 0o666, device: 'null' }],
      ['/zero', { kind: 'device', mode: 0o666, device: 'zero' }],
      ['/random', { kind: 'device', mode: 0o666, device: 'random' }],
      ['/urandom', { kind: 'device', mode: 0o666, device: 'urandom' }],
      ['/tty', { kind: 'device', mode: 0o666, device: 'tty' }],
      ['/shm', { kind: 'dir', mode: 0o1777 }],
    ]);
    for (const v of this.identity.volumes) {
      const name = guestDeviceName(v.device, this.image).slice(5);
      m.set(`/${name}`, { kind: 'device', mode: 0o660, gid: 6, device: name });
      if (v.root) m.set(`/${name}1`, { kind: 'device', mode: 0o660, gid: 6, device: `${name}1` });
    }
    return m;
  }

  /** The block device behind /dev/NAME (xvdf, xvda1...). */
  volumeByDevice(devPath: string): GuestVolume | undefined {
    const name = devPath.replace(/^\/dev\//, '').replace(/1$/, '');
    return this.identity.volumes.find((v) => guestDeviceName(v.device, this.image) === `/dev/${name}`);
  }

  /** Mounts a formatted volume; returns an error text (mount's wording) or undefined. */
  mountVolume(devPath: string, point: string, options = 'rw,relatime'): string | undefined {
    const vol = this.volumeByDevice(devPath);
    if (!vol) return `mount: special device ${devPath} does not exist`;
    const info = getVolume(this.host.store, vol.dataId) ?? ensureVolume(this.host.store, vol.dataId, vol.sizeBytes, this.host.clock.now());
    if (!info.fsType) return `mount: wrong fs type, bad option, bad superblock on ${devPath},\n       missing codepage or helper program, or other error\n\n       In some cases useful info is found in syslog - try\n       dmesg | tail or so.`;
    if (this.rootFs.listMounts().some((m) => m.source === devPath)) return `mount: ${devPath} is already mounted or ${point} busy`;
    this.rootFs.mount({
      point,
      backend: createVolumeBackend(this.host.store, vol.dataId),
      source: devPath,
      fsType: info.fsType,
      capacityBytes: vol.sizeBytes,
      options,
    });
    return undefined;
  }

  // ── users ────────────────────────────────────────────────────────────────────────────────────
  users(): GuestUser[] {
    try {
      return parsePasswd(this.rootFs.readSyncText('/etc/passwd'), this.rootFs.readSyncText('/etc/group'));
    } catch {
      return [{ name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash', groups: [0] }];
    }
  }
  user(name: string): GuestUser | undefined {
    return this.users().find((u) => u.name === name);
  }
  userById(uid: number): GuestUser | undefined {
    return this.users().find((u) => u.uid === uid);
  }
  /** sudo NOPASSWD: the default user (cloud-init's sudoers entry) and root. */
  canSudo(name: string): boolean {
    if (name === 'root') return true;
    try {
      for (const f of ['/etc/sudoers', ...this.rootFs.listSync('/etc/sudoers.d').map((n) => `/etc/sudoers.d/${n}`)]) {
        const text = this.rootFs.readSyncText(f);
        if (new RegExp(`^${name}\\s+ALL=`, 'm').test(text)) return true;
      }
    } catch {
      // no sudoers.d
    }
    return false;
  }

  // ── processes ────────────────────────────────────────────────────────────────────────────────
  allocPid(): number {
    this.nextPid += 1 + Math.floor(Math.random() * 3);
    return this.nextPid;
  }
  processes(): GuestProcess[] {
    const t = this.bootedAt;
    const sys: GuestProcess[] = [
      { pid: 1, ppid: 0, user: 'root', command: this.image.initSystem === 'systemd' ? '/usr/lib/systemd/systemd --switched-root --system' : '/sbin/init', startedAt: t, tty: '?' },
      { pid: 2, ppid: 0, user: 'root', command: '[kthreadd]', startedAt: t, tty: '?' },
      { pid: 1867, ppid: 1, user: 'root', command: '/sbin/dhclient -q eth0', startedAt: t, tty: '?' },
      { pid: 2012, ppid: 1, user: 'root', command: '/sbin/rsyslogd -i /var/run/syslogd.pid -c 5', startedAt: t, tty: '?' },
    ];
    const svc = [...this.services.values()].map((s) => ({ pid: s.pid, ppid: 1, user: s.user, command: s.command, startedAt: s.startedAt, tty: '?' }));
    return [...sys, ...svc, ...this.sessions.values()].sort((a, b) => a.pid - b.pid);
  }

  // ── network-facing ───────────────────────────────────────────────────────────────────────────
  sourceAddress(): string {
    return this.identity.interfaces[0]?.privateIp ?? '127.0.0.1';
  }
  listens(port: number): boolean {
    if (this.state !== 'running') return false;
    if (port === 22) return true;
    return [...this.services.values()].some((s) => (s.port ?? (s.kind === 'httpd' || s.kind === 'nginx' ? 80 : -1)) === port);
  }
  async serveHttp(req: HttpRequestIn): Promise<HttpResponseOut | undefined> {
    if (this.state !== 'running') return undefined;
    const start = performance.now();
    const res = await serveHttp(this, req);
    // Serving costs the instance CPU (what ab or a load test makes CPUUtilization show): the real
    // time taken plus a modelled cost per request, as a small static file or a PHP page needs.
    if (res) {
      const modelledMs = /\.php(\?|$)/.test(req.path) || res.headers['x-powered-by']?.startsWith('PHP') ? PHP_REQUEST_CPU_MS : STATIC_REQUEST_CPU_MS;
      const warp = Math.max(1, this.host.clock.warp);
      chargeCpu(this.identity.id, performance.now() - start + modelledMs / warp, this.identity.hardware.vCpus, this.host.clock.warp);
    }
    return res;
  }

  // ── lifecycle ────────────────────────────────────────────────────────────────────────────────
  /** Power on: mounts, then the caller runs boot steps (cloud-init, fstab, services). */
  powerOn(): void {
    this.prepareRoot();
    for (const v of this.identity.volumes)
      if (v.kind === 'instance-store') ensureVolume(this.host.store, v.dataId, v.sizeBytes, this.host.clock.now());
    this.mountBase();
    this.state = 'running';
    this.bootedAt = this.host.clock.now();
    this.nextPid = 2600;
  }

  /** Stop or terminate: processes end, mounts go, the instance store is lost. */
  powerOff(): void {
    this.state = 'stopped';
    this.services.clear();
    this.sessions.clear();
    for (const cancel of this.timers.splice(0)) cancel();
    for (const v of this.identity.volumes) if (v.kind === 'instance-store') eraseVolume(this.host.store, v.dataId);
    this.mountTable.mounts = [];
  }

  /** shutdown/halt/poweroff inside the guest: the instance stops through EC2. */
  requestShutdown(): void {
    if (this.identity.kind !== 'instance') return;
    this.host.shutdown?.(this.identity);
  }
  /** reboot: processes restart, the disk stays (no cloud-init first boot again). */
  requestReboot(): void {
    if (this.identity.kind !== 'instance') return;
    const cancel = this.host.clock.at(this.host.clock.now() + 1000, () => {
      this.powerOff();
      void import('./boot').then(({ bootGuest }) => bootGuest(this));
    });
    this.track(cancel);
  }
  scheduleAtJob(job: AtJob): void {
    scheduleAtJob(this, job);
  }

  /** Keeps a clock job's cancel function until the guest stops. */
  track(cancel: () => void): void {
    this.timers.push(cancel);
  }
}
