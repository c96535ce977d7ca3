/**
 * EFS's throughput model on the simulated clock (§10.5.2). Bursting: the baseline is 50 KiB/s per
 * GiB stored (at least 1 MiB/s, the floor AWS gives small file systems), the burst rate 100 MiB/s
 * (or 100 MiB/s per TiB stored, when larger); burst credits are bytes, earned at the baseline rate
 * and spent by every byte moved, starting at 2.1 TiB and capped there (or at 2.1 TiB per TiB
 * stored). When the balance is empty, transfers run at the baseline. Provisioned: the provisioned
 * rate (or the bursting one, when higher). Elastic: what one NFS client can drive.
 * Every byte and operation is also counted per simulated minute in `efs_io` for CloudWatch.
 */
import type { Store } from '../../../store/store';
import { meteredBytes } from './metered';

export type Direction = 'read' | 'write';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const TiB = 2 ** 40;
export const BURST_RATE = 100 * MiB;
export const INITIAL_CREDITS = 2.1 * TiB;
/** One NFS client's ceiling in elastic mode. */
const ELASTIC_CLIENT_RATE = 500 * MiB;
/** A small operation's metadata, as EFS meters it (4 KiB per lookup, create, rename...). */
const METADATA_BYTES = 4096;

interface ModeRow {
  throughput_mode: string;
  provisioned_mibps: number | null;
  credits: number;
  credits_at: number;
}

export const baselineRate = (stored: number): number => Math.max(MiB, (50 * 1024 * stored) / GiB);
export const burstRate = (stored: number): number => Math.max(BURST_RATE, (BURST_RATE * stored) / TiB);
export const maxCredits = (stored: number): number => Math.max(INITIAL_CREDITS, (INITIAL_CREDITS * stored) / TiB);

function modeOf(store: Store, fsId: string): ModeRow | undefined {
  return store.stmt('SELECT throughput_mode, provisioned_mibps, credits, credits_at FROM efs_file_systems WHERE id = ?').get(fsId) as ModeRow | undefined;
}

/** The balance now: what was left, plus what the baseline earned since, up to the cap. */
export function creditBalance(row: Pick<ModeRow, 'credits' | 'credits_at'>, stored: number, now: number): number {
  const earned = (baselineRate(stored) * Math.max(0, now - row.credits_at)) / 1000;
  return Math.min(maxCredits(stored), row.credits + earned);
}

/** What the file system may move right now (bytes/s): CloudWatch's PermittedThroughput. */
export function permittedRate(row: ModeRow, stored: number, now: number): number {
  if (row.throughput_mode === 'elastic') return ELASTIC_CLIENT_RATE;
  const bursting = creditBalance(row, stored, now) > 0 ? burstRate(stored) : baselineRate(stored);
  if (row.throughput_mode === 'provisioned') return Math.max((row.provisioned_mibps ?? 1) * MiB, baselineRate(stored));
  return bursting;
}

function count(store: Store, fsId: string, direction: Direction | 'metadata', bytes: number, now: number): void {
  const minute = Math.floor(now / 60_000) * 60_000;
  const col = direction === 'read' ? 'read_bytes' : direction === 'write' ? 'write_bytes' : 'metadata_bytes';
  const meta = direction === 'metadata' ? METADATA_BYTES : 0;
  store
    .stmt(`INSERT INTO efs_io (fs_id, minute, ${col}, ops) VALUES (?, ?, ?, 1) ON CONFLICT (fs_id, minute) DO UPDATE SET ${col} = ${col} + excluded.${col}, ops = ops + 1`)
    .run(fsId, minute, bytes + meta);
}

function spend(store: Store, fsId: string, row: ModeRow, stored: number, bytes: number, now: number): void {
  if (row.throughput_mode !== 'bursting') return;
  const left = Math.max(0, creditBalance(row, stored, now) - bytes);
  store.stmt('UPDATE efs_file_systems SET credits = ?, credits_at = ? WHERE id = ?').run(left, now, fsId);
}

/**
 * The stored size for small operations' credit arithmetic, re-measured at most once a second (real
 * time): summing a large file system for every `echo >` would make each write slower than the last.
 */
const storedCache = new Map<string, { bytes: number; at: number }>();
function storedEstimate(store: Store, fsId: string): number {
  const hit = storedCache.get(fsId);
  const t = performance.now();
  if (hit && t - hit.at < 1000) return hit.bytes;
  const bytes = meteredBytes(store, fsId);
  storedCache.set(fsId, { bytes, at: t });
  return bytes;
}

/** A small transfer or operation by a guest (cp, echo >, ls): counted, and paid for in credits. */
export function meter(store: Store, fsId: string, direction: Direction | 'metadata', bytes: number, now: number): void {
  count(store, fsId, direction, bytes, now);
  if (bytes <= 0) return;
  const row = modeOf(store, fsId);
  if (row && row.throughput_mode === 'bursting') spend(store, fsId, row, storedEstimate(store, fsId), bytes, now);
}

/**
 * A large sequential transfer (dd): how many seconds it takes under the model. While credits last
 * it runs at the burst rate (earning the baseline meanwhile); the rest runs at the baseline.
 */
export function transferSeconds(store: Store, fsId: string, direction: Direction, bytes: number, now: number): number {
  const row = modeOf(store, fsId);
  count(store, fsId, direction, bytes, now);
  if (!row) return bytes / BURST_RATE;
  const stored = meteredBytes(store, fsId);
  if (row.throughput_mode !== 'bursting') return bytes / permittedRate(row, stored, now);
  const base = baselineRate(stored);
  const burst = burstRate(stored);
  const credits = creditBalance(row, stored, now);
  // Bursting drains the balance at (burst - baseline) bytes per second.
  const burstSeconds = burst > base ? credits / (burst - base) : Infinity;
  let seconds: number;
  let left: number;
  if (bytes <= burst * burstSeconds) {
    seconds = bytes / burst;
    left = credits - (bytes - base * seconds);
  } else {
    seconds = burstSeconds + (bytes - burst * burstSeconds) / base;
    left = 0;
  }
  store.stmt('UPDATE efs_file_systems SET credits = ?, credits_at = ? WHERE id = ?').run(Math.max(0, left), now + seconds * 1000, fsId);
  return seconds;
}
