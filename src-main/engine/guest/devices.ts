/**
 * Block devices as the guest sees them, and how fast they are. EC2 attaches /dev/sdf, a Xen guest
 * sees /dev/xvdf; the figures dd reports come from the book's measurements (§9.1.3 gp2, §9.2.2
 * instance store, §10.5 EFS) so learners see the same trade-offs.
 */
import type { OsImage } from './catalog';
import type { GuestVolume } from './types';

export function guestDeviceName(attached: string, image: OsImage): string {
  if (image.key === 'workstation') return attached.replace(/\d+$/, '');
  return attached.replace(/^\/dev\/sd/, '/dev/xvd').replace(/\d+$/, '');
}

/** Sequential throughput in bytes per second (write, read). */
export function throughput(kind: 'ebs' | 'instance-store' | 'efs' | 'memory', volumeType?: string): { write: number; read: number } {
  if (kind === 'instance-store') return { write: 430e6, read: 3.9e9 };
  if (kind === 'efs') return { write: 103e6, read: 104e6 };
  if (kind === 'memory') return { write: 1.2e9, read: 4.5e9 };
  switch (volumeType) {
    case 'io1':
    case 'io2':
      return { write: 250e6, read: 255e6 };
    case 'gp3':
      return { write: 125e6, read: 127e6 };
    case 'st1':
      return { write: 40e6, read: 42e6 };
    case 'sc1':
      return { write: 12e6, read: 12.5e6 };
    case 'standard':
      return { write: 45e6, read: 48e6 };
    default:
      return { write: 63.2e6, read: 65.8e6 };
  }
}

/** '1.1 GB', '512 MB', '4.1 kB' as dd prints them (powers of 1000, 2 significant digits). */
export function ddSize(bytes: number, base: 1000 | 1024): string {
  const units = base === 1000 ? ['kB', 'MB', 'GB', 'TB'] : ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = -1;
  while (v >= base && u < units.length - 1) {
    v /= base;
    u++;
  }
  if (u < 0) return `${bytes} B`;
  return `${v >= 10 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

export function ddRate(bytesPerSecond: number): string {
  const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
  let v = bytesPerSecond;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}

/** Sizes as lsblk/df -h print them: 8G, 4.8G, 980M. */
export function humanSize(bytes: number, opts: { si?: boolean } = {}): string {
  const base = opts.si ? 1000 : 1024;
  const units = ['B', 'K', 'M', 'G', 'T', 'P', 'E'];
  let v = bytes;
  let u = 0;
  while (v >= base && u < units.length - 1) {
    v /= base;
    u++;
  }
  if (u === 0) return `${bytes}`;
  // Like GNU's -h: round up; one decimal below 10.
  const tenth = Math.ceil(v * 10) / 10;
  if (tenth < 10) return `${tenth.toFixed(1)}${units[u]}`;
  return `${Math.ceil(v)}${units[u]}`;
}

export const volumeKind = (v: GuestVolume): 'ebs' | 'instance-store' => v.kind;
