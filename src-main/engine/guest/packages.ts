/**
 * The package database of a guest: what is installed (persisted on the root volume, so snapshots
 * and AMIs carry it), dependency resolution over the offline catalog, and installing files,
 * command stubs and service users.
 */
import type { Guest } from './machine';
import { fullVersion, packagesFor, type PackageInfo, type PackageService } from './catalog';
import { PROGRAM_RUNNER, RUNNER_STUB, programScript } from './programs';

const DB = '/var/lib/nimbus/packages.json';

export function installedPackages(guest: Guest): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of packagesFor(guest.host.catalog, guest.image).values()) if (p.preinstalled) out.set(p.name, fullVersion(p));
  try {
    const db = JSON.parse(guest.rootFs.readSyncText(DB)) as Record<string, string | null>;
    for (const [k, v] of Object.entries(db)) {
      if (v === null) out.delete(k);
      else out.set(k, v);
    }
  } catch {
    // nothing installed beyond the image
  }
  return out;
}

function saveDb(guest: Guest, installed: Map<string, string>): void {
  const db: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
  for (const [k, v] of installed) db[k] = v;
  for (const p of packagesFor(guest.host.catalog, guest.image).values()) if (p.preinstalled && !installed.has(p.name)) db[p.name] = null;
  guest.rootFs.writeSync(DB, new TextEncoder().encode(JSON.stringify(db)), false);
}

export function isInstalled(guest: Guest, name: string): boolean {
  return installedPackages(guest).has(name);
}

/** Which installed package provides a binary (for command-not-found and `which`). */
export function providerOf(guest: Guest, binary: string): PackageInfo | undefined {
  const installed = installedPackages(guest);
  for (const p of packagesFor(guest.host.catalog, guest.image).values()) if (installed.has(p.name) && p.binaries?.includes(binary)) return p;
  return undefined;
}

export interface Resolution {
  install: PackageInfo[];
  missing: string[];
  already: PackageInfo[];
}

/** The packages to install for the requested names, dependencies first, skipping installed ones. */
export function resolve(guest: Guest, names: string[], enabledRepos: Set<string>): Resolution {
  const catalog = packagesFor(guest.host.catalog, guest.image);
  const installed = installedPackages(guest);
  const out: PackageInfo[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const already: PackageInfo[] = [];
  const visit = (name: string, top: boolean): void => {
    const bare = name.replace(/-\d[\w.-]*$/, (m) => (catalog.has(name) ? m : ''));
    const p = catalog.get(name) ?? catalog.get(bare);
    if (!p || (p.repo && p.repo !== 'nodesource' && !enabledRepos.has(p.repo) && top)) {
      if (top) missing.push(name);
      return;
    }
    if (seen.has(p.name)) return;
    seen.add(p.name);
    if (installed.has(p.name)) {
      if (top) already.push(p);
      return;
    }
    for (const r of p.requires ?? []) visit(r, false);
    out.push(p);
  };
  for (const n of names) visit(n, true);
  return { install: out, missing, already };
}

/** Puts a package's files, command stubs and service user on the disk, and records it. */
export function installPackage(guest: Guest, p: PackageInfo, version = fullVersion(p)): void {
  const fs = guest.rootFs;
  const enc = new TextEncoder();
  if (p.user && !guest.user(p.user)) {
    const uid = p.user === 'apache' ? 48 : p.user === 'nginx' ? 498 : 33;
    if (!fs.readSyncText('/etc/passwd').includes(`\n${p.user}:`)) {
      fs.writeSync('/etc/passwd', enc.encode(`${p.user}:x:${uid}:${uid}:${p.user}:/var/www:/sbin/nologin\n`), true);
      fs.writeSync('/etc/group', enc.encode(`${p.user}:x:${uid}:\n`), true);
    }
  }
  for (const [path, content] of Object.entries(p.files ?? {})) {
    if (path.endsWith('/')) {
      fs.mkdirSync(path.slice(0, -1), true);
      continue;
    }
    const dir = path.slice(0, path.lastIndexOf('/'));
    fs.mkdirSync(dir, true);
    if (!fs.existsSync(path)) fs.writeSync(path, enc.encode(content), false);
  }
  for (const b of p.binaries ?? []) {
    const sbin = ['httpd', 'apachectl', 'nginx', 'redis-server', 'varnishd', 'mount.nfs4', 'mount.efs'].includes(b);
    const path = `${sbin ? '/usr/sbin' : '/usr/bin'}/${b}`;
    if (!fs.existsSync(path)) fs.writeSync(path, enc.encode(`#!/bin/sh\n# ${b}: installed with ${p.name}\n`), false, 0o755);
  }
  for (const [path, name] of Object.entries(p.programs ?? {})) {
    fs.mkdirSync(path.slice(0, path.lastIndexOf('/')), true);
    fs.writeSync(path, enc.encode(programScript(name, p.name)), false, 0o755);
    if (!fs.existsSync(`/usr/bin/${PROGRAM_RUNNER}`)) fs.writeSync(`/usr/bin/${PROGRAM_RUNNER}`, enc.encode(RUNNER_STUB), false, 0o755);
  }
  for (const s of p.services ?? []) {
    if (guest.image.initSystem === 'sysv') {
      fs.mkdirSync('/etc/rc.d/init.d', true);
      if (!fs.existsSync(`/etc/rc.d/init.d/${s.name}`)) fs.writeSync(`/etc/rc.d/init.d/${s.name}`, enc.encode(`#!/bin/bash\n# ${s.name}: init script (${p.name})\n`), false, 0o755);
    } else {
      fs.mkdirSync('/usr/lib/systemd/system', true);
      fs.writeSync(`/usr/lib/systemd/system/${s.name}.service`, enc.encode(`[Unit]\nDescription=${p.summary}\n\n[Service]\nType=notify\n\n[Install]\nWantedBy=multi-user.target\n`), false);
    }
  }
  const installed = installedPackages(guest);
  installed.set(p.name, version);
  saveDb(guest, installed);
}

export function removePackage(guest: Guest, name: string): void {
  const installed = installedPackages(guest);
  installed.delete(name);
  saveDb(guest, installed);
  const p = packagesFor(guest.host.catalog, guest.image).get(name);
  for (const path of Object.keys(p?.programs ?? {})) if (guest.rootFs.existsSync(path)) void guest.rootFs.rm(path);
  for (const b of p?.binaries ?? []) {
    for (const dir of ['/usr/bin', '/usr/sbin']) {
      try {
        if (guest.rootFs.existsSync(`${dir}/${b}`)) void guest.rootFs.rm(`${dir}/${b}`);
      } catch {
        // already gone
      }
    }
  }
}

/** Every service a package on this guest provides, by service name. */
export function serviceCatalog(guest: Guest): Map<string, { pkg: PackageInfo; kind: string; port?: number; run?: string; every?: PackageService['every'] }> {
  const out = new Map<string, { pkg: PackageInfo; kind: string; port?: number; run?: string; every?: PackageService['every'] }>();
  for (const p of packagesFor(guest.host.catalog, guest.image).values())
    for (const s of p.services ?? [])
      if (!out.has(s.name) || isInstalled(guest, p.name))
        out.set(s.name, { pkg: p, kind: s.kind, ...(s.port ? { port: s.port } : {}), ...(s.run ? { run: s.run } : {}), ...(s.every ? { every: s.every } : {}) });
  return out;
}

export function humanBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} M`;
  if (n >= 1024) return `${Math.round(n / 1024)} k`;
  return `${n}`;
}
