/**
 * Virtual MFA devices and TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) on the simulated
 * clock. Enabling a device takes two consecutive codes; a code once used is not accepted again.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Store } from '../../../store/store';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const STEP_SECONDS = 30;

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const idx = BASE32.indexOf(ch);
    if (idx < 0) throw new Error(`invalid base32 character ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new seed: 40 random bytes → 64 base32 characters, as AWS's virtual MFA seeds. */
export const newSeed = (): string => base32Encode(randomBytes(40));

/** The 6-digit code of one time step (RFC 4226 dynamic truncation). */
export function hotp(seedBase32: string, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Decode(seedBase32)).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 1_000_000).padStart(6, '0');
}

export const stepAt = (ms: number): number => Math.floor(ms / 1000 / STEP_SECONDS);
export const totp = (seedBase32: string, ms: number): string => hotp(seedBase32, stepAt(ms));

/** The step a code belongs to, within ±`window` steps of now; undefined when it matches none. */
export function matchStep(seedBase32: string, code: string, ms: number, window: number): number | undefined {
  const now = stepAt(ms);
  for (let d = -window; d <= window; d++) if (hotp(seedBase32, now + d) === code) return now + d;
  return undefined;
}

/** What an authenticator app scans (the console draws it as a QR code). */
export const otpauthUri = (label: string, issuer: string, seed: string): string =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(label)}?secret=${seed}&issuer=${encodeURIComponent(issuer)}`;

export interface MfaRow {
  account_id: string;
  serial: string;
  path: string;
  name: string;
  seed: string;
  user_id: string | null;
  enabled_at: number | null;
  created_at: number;
  last_step: number | null;
}

export const findDevice = (store: Store, serial: string): MfaRow | undefined =>
  store.stmt('SELECT * FROM iam_mfa_devices WHERE serial = ?').get(serial) as MfaRow | undefined;

export const devicesOf = (store: Store, accountId: string, userId: string): MfaRow[] =>
  store.stmt('SELECT * FROM iam_mfa_devices WHERE account_id = ? AND user_id = ? ORDER BY enabled_at').all(accountId, userId) as MfaRow[];

/**
 * Checks a code of an enabled device for a session (GetSessionToken): within one step of now and
 * newer than the last accepted one. Records the step on success.
 */
export function verifyDeviceCode(store: Store, device: MfaRow, code: string, now: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const step = matchStep(device.seed, code, now, 1);
  if (step === undefined || (device.last_step !== null && step <= device.last_step)) return false;
  store.stmt('UPDATE iam_mfa_devices SET last_step = ? WHERE serial = ?').run(step, device.serial);
  return true;
}
