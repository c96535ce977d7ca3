/** The guest's offline catalogs: OS images (resources/guest/os.json) and packages (packages.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findResourcesDir } from '../models/paths';

export interface OsImage {
  key: string;
  prettyName: string;
  packageManager: 'yum' | 'dnf' | 'apt' | 'none';
  kernel: string;
  kernelBuild: string;
  fsType: string;
  baseUsedMiB: number;
  initSystem: 'sysv' | 'systemd';
  promptStyle: 'redhat' | 'debian';
  sudoGroup: string;
  files: Record<string, string>;
}

export interface PackageService {
  name: string;
  /** periodic: a daemon that wakes up every few minutes and runs `run` as root (cfn-hup). */
  kind: 'httpd' | 'nginx' | 'atd' | 'crond' | 'generic' | 'periodic';
  port?: number;
  /** periodic: the command one wake-up runs. */
  run?: string;
  /** periodic: minutes between wake-ups, read as `key = N` from an INI-style file (default `minutes`). */
  every?: { file: string; key: string; minutes: number };
}

export interface PackageInfo {
  name: string;
  version: string;
  release?: string;
  repo?: string;
  size: number;
  summary: string;
  requires?: string[];
  binaries?: string[];
  services?: PackageService[];
  files?: Record<string, string>;
  /**
   * Executables outside /usr/bin that run a program the lab provides (GuestHost.programs), by
   * path: {"/opt/aws/bin/cfn-init": "cfn-init"}.
   */
  programs?: Record<string, string>;
  user?: string;
  preinstalled?: boolean;
}

export interface SecurityUpdate {
  name: string;
  version: string;
  advisory: string;
  severity: string;
}

export interface GuestCatalog {
  images: Map<string, OsImage>;
  rpm: Map<string, PackageInfo>;
  deb: Map<string, PackageInfo>;
  securityUpdates: SecurityUpdate[];
}

const cache = new Map<string, GuestCatalog>();

export function loadGuestCatalog(resourcesDir = findResourcesDir()): GuestCatalog {
  const hit = cache.get(resourcesDir);
  if (hit) return hit;
  const os = JSON.parse(readFileSync(join(resourcesDir, 'guest', 'os.json'), 'utf8')) as {
    images: Record<string, Omit<OsImage, 'key'>>;
  };
  const pk = JSON.parse(readFileSync(join(resourcesDir, 'guest', 'packages.json'), 'utf8')) as {
    rpm: PackageInfo[];
    deb: PackageInfo[];
    securityUpdates: SecurityUpdate[];
  };
  const catalog: GuestCatalog = {
    images: new Map(Object.entries(os.images).map(([key, v]) => [key, { key, ...v }])),
    rpm: new Map(pk.rpm.map((p) => [p.name, p])),
    deb: new Map(pk.deb.map((p) => [p.name, p])),
    securityUpdates: pk.securityUpdates,
  };
  cache.set(resourcesDir, catalog);
  return catalog;
}

/** 'image:amzn-2017.09' → the OS image; unknown keys fall back by family. */
export function imageFor(catalog: GuestCatalog, key: string): OsImage {
  const k = key.startsWith('image:') ? key.slice(6) : key;
  return (
    catalog.images.get(k) ??
    (k.startsWith('ubuntu') ? catalog.images.get('ubuntu-16.04') : undefined) ??
    catalog.images.get('amzn-2017.09')!
  );
}

export const packagesFor = (catalog: GuestCatalog, image: OsImage): Map<string, PackageInfo> =>
  image.packageManager === 'apt' ? catalog.deb : image.packageManager === 'none' ? new Map() : catalog.rpm;

export const fullVersion = (p: PackageInfo): string => (p.release ? `${p.version}-${p.release}` : p.version);
