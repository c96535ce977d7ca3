/**
 * Booting a guest: power on (mounts), cloud-init on the first boot of the instance (hostname, the
 * key pair's key in authorized_keys, sudo for the default user, user data: `#!` scripts and basic
 * #cloud-config), every boot: instance store, /etc/fstab, enabled services, cron and at. What the
 * kernel and cloud-init print goes to the system log (GetConsoleOutput), user data output to
 * /var/log/cloud-init-output.log.
 */
import { parse as parseYaml } from 'yaml';
import type { Guest } from './machine';
import { formatVolume, getVolume } from './fs/volume';
import { guestDeviceName } from './devices';
import { hostKey } from './ssh-keys';
import { enabledServices, lookupService, startService } from './services';
import { mountFstab } from './commands/mount/mount';
import { listJobs } from './commands/at/at';
import { scheduleAtJob, startCron } from './scheduler';
import { GuestShell } from './session';
import { formatDate } from './commands/date/date';
import { isShell, parseBashArgs, parseShebang, scriptBody, shellQuote } from './bash-args';

const enc = new TextEncoder();

function append(guest: Guest, path: string, text: string): void {
  try {
    guest.rootFs.writeSync(path, enc.encode(text), true);
  } catch {
    // logs are best effort
  }
}

function stamp(guest: Guest): string {
  return formatDate(new Date(guest.host.clock.now()), '%a, %d %b %Y %H:%M:%S +0000');
}

function kernelLog(guest: Guest): string {
  const img = guest.image;
  const hw = guest.identity.hardware;
  const root = guest.rootVolume();
  const dev = root ? guestDeviceName(root.device, img).slice(5) : 'xvda';
  const t = (s: number): string => `[${s.toFixed(6).padStart(12)}]`;
  return [
    `${t(0)} Linux version ${img.kernel} (mockbuild@build) (gcc version 7.2.1) ${img.kernelBuild}`,
    `${t(0)} Command line: root=LABEL=/ console=tty1 console=ttyS0 selinux=0 nvme_core.io_timeout=4294967295`,
    `${t(0)} Hypervisor detected: Xen HVM`,
    `${t(0.000001)} tsc: Detected ${(hw.clockGhz * 1000).toFixed(3)} MHz processor`,
    `${t(0.013)} Memory: ${Math.round(hw.memoryMiB * 1000)}K/${hw.memoryMiB * 1024}K available`,
    `${t(0.021)} smpboot: Allowing ${hw.vCpus} CPUs, 0 hotplug CPUs`,
    `${t(0.612)} blkfront: ${dev}: flush diskcache: enabled; persistent grants: disabled; indirect descriptors: enabled;`,
    `${t(0.631)}  ${dev}: ${dev}1 ${dev}128`,
    `${t(1.402)} EXT4-fs (${dev}1): mounted filesystem with ordered data mode. Opts: (null)`,
    `${t(2.118)} NET: Registered protocol family 10`,
  ].join('\n');
}

async function runScript(guest: Guest, script: string, label: string): Promise<number> {
  const root = guest.user('root')!;
  const shell = new GuestShell(guest, root, { tty: '?' });
  try {
    // Each statement's output (and its `set -x` trace) reaches the log as soon as it is done.
    const r = await shell.execStatements(script, (text) => append(guest, '/var/log/cloud-init-output.log', text));
    if (r.exitCode !== 0) append(guest, '/var/log/cloud-init.log', `${stamp(guest)} - util.py[WARNING]: Failed running ${label} [${r.exitCode}]\n`);
    return r.exitCode;
  } finally {
    shell.close();
  }
}

/**
 * cloud-init runs a `#!` script as a program, so its interpreter and options count: `#!/bin/bash -ex`
 * stops at the first failing command and traces each one to cloud-init-output.log. A shell script
 * runs statement by statement (its output reaches the log as it goes), its flags as a `set` line
 * in front; any other interpreter (python...) gets the file, as the kernel would hand it over.
 */
function userDataScript(ud: string, file: string): string {
  const bang = parseShebang(ud);
  if (bang && !isShell(bang.interpreter)) return shellQuote(file);
  const inv = parseBashArgs(bang?.args ?? [], 'bash');
  return `${inv.set.length && !inv.answer ? `set ${inv.set.join(' ')}\n` : ''}${scriptBody(ud)}`;
}

/** #cloud-config: package_update/upgrade, packages, write_files, runcmd (in that order, as cloud-init does). */
async function runCloudConfig(guest: Guest, text: string): Promise<void> {
  let cfg: Record<string, unknown>;
  try {
    cfg = (parseYaml(text) ?? {}) as Record<string, unknown>;
  } catch (e) {
    append(guest, '/var/log/cloud-init.log', `${stamp(guest)} - __init__.py[WARNING]: Failed loading yaml blob. ${(e as Error).message}\n`);
    return;
  }
  const apt = guest.image.packageManager === 'apt';
  const lines: string[] = [];
  if (cfg.package_update || cfg.package_upgrade) lines.push(apt ? 'apt-get update' : 'true');
  if (cfg.package_upgrade) lines.push(apt ? 'apt-get -y upgrade' : 'yum -y update');
  if (Array.isArray(cfg.packages) && cfg.packages.length) lines.push(`${apt ? 'apt-get install -y' : 'yum install -y'} ${cfg.packages.map(String).join(' ')}`);
  if (Array.isArray(cfg.write_files)) {
    for (const f of cfg.write_files as { path?: string; content?: string; permissions?: string; owner?: string; encoding?: string; append?: boolean }[]) {
      if (!f.path) continue;
      const content = f.encoding === 'b64' || f.encoding === 'base64' ? Buffer.from(f.content ?? '', 'base64').toString('utf8') : (f.content ?? '');
      const dir = f.path.slice(0, f.path.lastIndexOf('/')) || '/';
      guest.rootFs.mkdirSync(dir, true);
      guest.rootFs.writeSync(f.path, enc.encode(content), !!f.append, f.permissions ? parseInt(f.permissions, 8) : 0o644);
      if (f.permissions) await guest.rootFs.chmod(f.path, parseInt(f.permissions, 8));
    }
  }
  if (Array.isArray(cfg.runcmd)) {
    for (const c of cfg.runcmd as unknown[]) lines.push(Array.isArray(c) ? c.map((w) => `'${String(w).replace(/'/g, `'\\''`)}'`).join(' ') : String(c));
  }
  if (lines.length) await runScript(guest, lines.join('\n'), 'runcmd');
}

/**
 * What the instance prints on its serial console while it boots (GetConsoleOutput): the kernel,
 * cloud-init's network table, the SSH host key fingerprints and the login prompt. It depends only on
 * the instance record, so EC2 can show it as soon as the instance runs.
 */
export function bootConsoleLog(guest: Guest): string {
  const id = guest.identity;
  const hk = hostKey(guest.hostKeySeed);
  const at = stamp(guest);
  const short = (id.interfaces[0]?.privateDns ?? 'localhost').split('.')[0]!;
  const login =
    guest.image.promptStyle === 'redhat'
      ? `${guest.image.prettyName.replace('Amazon Linux AMI', 'Amazon Linux AMI release')}\nKernel ${guest.image.kernel} on an x86_64\n\n${short} login: `
      : `${guest.image.prettyName} ${short} ttyS0\n\n${short} login: `;
  return `${kernelLog(guest)}\nCloud-init v. 0.7.6 running 'init' at ${at}. Up 3.12 seconds.\nci-info: ++++++++++++++++++++++++Net device info++++++++++++++++++++++++\nci-info: +--------+------+----------------+---------------+-------------------+\nci-info: | Device |  Up  |    Address     |      Mask     |     Hw-Address    |\nci-info: +--------+------+----------------+---------------+-------------------+\n${id.interfaces.map((n) => `ci-info: |  ${n.device.padEnd(4)}  | True | ${n.privateIp.padEnd(14)} | 255.255.240.0 | ${n.mac} |`).join('\n')}\nci-info: +--------+------+----------------+---------------+-------------------+\nec2: \nec2: #############################################################\nec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----\nec2: 256 ${hk.fingerprint} no comment (ECDSA)\nec2: -----END SSH HOST KEY FINGERPRINTS-----\nec2: #############################################################\nCloud-init v. 0.7.6 finished at ${at}. Datasource DataSourceEc2.  Up 18.40 seconds\n\n${login}\n`;
}

/**
 * The synchronous part of a boot: mounts, first-boot setup by cloud-init (hostname, key, sudo,
 * instance store), /etc/fstab, enabled services, cron and at. Returns whether this was the
 * instance's first boot (user data runs only then).
 */
export function startGuest(guest: Guest, opts: { firstBoot?: boolean } = {}): boolean {
  guest.powerOn();
  const id = guest.identity;
  const fs = guest.rootFs;
  const host = guest.host;
  const instanceDir = `/var/lib/cloud/instances/${id.id}`;
  const firstBoot = opts.firstBoot ?? !fs.existsSync(`${instanceDir}/boot-finished`);
  if (id.kind === 'instance') {
    append(guest, '/var/log/cloud-init.log', `${stamp(guest)} - util.py[DEBUG]: Cloud-init v. 0.7.6 running 'init' at ${stamp(guest)}. Up 3.12 seconds.\n`);
    const short = (id.interfaces[0]?.privateDns ?? 'localhost').split('.')[0]!;
    if (firstBoot) {
      fs.writeSync('/etc/hostname', enc.encode(`${guest.image.promptStyle === 'redhat' ? (id.interfaces[0]?.privateDns ?? short) : short}\n`), false);
      const user = guest.user(id.defaultUser);
      if (user && id.publicKey) {
        fs.mkdirSync(`${user.home}/.ssh`, true, 0o700);
        fs.chownSync(`${user.home}/.ssh`, user.uid, user.gid);
        fs.writeSync(`${user.home}/.ssh/authorized_keys`, enc.encode(`${id.publicKey.trim().split(/\s+/).slice(0, 2).join(' ')} ${id.keyName ?? ''}\n`), false, 0o600);
        fs.chownSync(`${user.home}/.ssh/authorized_keys`, user.uid, user.gid);
      }
      fs.writeSync('/etc/sudoers.d/90-cloud-init-users', enc.encode(`# Created by cloud-init v. 0.7.6 on ${stamp(guest)}\n\n# User rules for ${id.defaultUser}\n${id.defaultUser} ALL=(ALL) NOPASSWD:ALL\n`), false, 0o440);
      fs.mkdirSync(instanceDir, true);
      const ephemeral = id.volumes.find((v) => v.kind === 'instance-store');
      if (ephemeral) {
        const dev = guestDeviceName(ephemeral.device, guest.image);
        const point = guest.image.promptStyle === 'debian' ? '/mnt' : '/media/ephemeral0';
        fs.mkdirSync(point, true);
        fs.writeSync('/etc/fstab', enc.encode(`${dev}\t${point}\tauto\tdefaults,nofail,comment=cloudconfig\t0\t2\n`), true);
      }
    }
    // The instance store comes back empty after a stop; cloud-init formats it again.
    for (const v of id.volumes.filter((x) => x.kind === 'instance-store')) {
      if (!getVolume(host.store, v.dataId)?.fsType) formatVolume(host.store, v.dataId, 'ext3', host.clock.now());
    }
  }
  for (const err of mountFstab({ guest })) append(guest, '/var/log/messages', `${err}\n`);
  for (const name of enabledServices(guest)) {
    const s = lookupService(guest, name);
    if (s?.installed) startService(guest, s);
  }
  startCron(guest);
  for (const job of listJobs({ guest })) scheduleAtJob(guest, job);
  return firstBoot;
}

/** The rest of a boot: user data on the first boot (it may take a while: yum installs), then cloud-init's final lines. */
export async function finishBoot(guest: Guest, firstBoot: boolean): Promise<void> {
  const id = guest.identity;
  if (id.kind !== 'instance') return;
  const fs = guest.rootFs;
  const host = guest.host;
  const instanceDir = `/var/lib/cloud/instances/${id.id}`;
  if (firstBoot && id.userData) {
    const ud = id.userData;
    if (ud.startsWith('#cloud-config')) await runCloudConfig(guest, ud);
    else if (ud.startsWith('#!')) {
      fs.mkdirSync(`${instanceDir}/scripts`, true);
      fs.writeSync(`${instanceDir}/scripts/part-001`, enc.encode(ud), false, 0o700);
      fs.writeSync(`${instanceDir}/user-data.txt`, enc.encode(ud), false, 0o600);
      const code = await runScript(guest, userDataScript(ud, `${instanceDir}/scripts/part-001`), `${instanceDir}/scripts/part-001`);
      if (code !== 0) host.consoleOutput?.(id, `${stamp(guest)} cloud-init[2453]: util.py[WARNING]: Failed running /var/lib/cloud/instance/scripts/part-001 [${code}]\n`);
    }
  }
  if (guest.state !== 'running') return;
  if (firstBoot) fs.writeSync(`${instanceDir}/boot-finished`, enc.encode(`${(host.clock.now() / 1000).toFixed(2)}\n`), false);
  const up = ((host.clock.now() - guest.bootedAt) / 1000 + 18.4).toFixed(2);
  append(guest, '/var/log/cloud-init-output.log', `Cloud-init v. 0.7.6 finished at ${stamp(guest)}. Datasource DataSourceEc2.  Up ${up} seconds\n`);
}

/** A whole boot (tests, the workstation): start, then user data. Console output is EC2's to write (bootConsoleLog). */
export async function bootGuest(guest: Guest, opts: { firstBoot?: boolean; console?: boolean } = {}): Promise<void> {
  const firstBoot = startGuest(guest, opts);
  if (opts.console !== false && guest.identity.kind === 'instance' && firstBoot) guest.host.consoleOutput?.(guest.identity, bootConsoleLog(guest));
  await finishBoot(guest, firstBoot);
}
