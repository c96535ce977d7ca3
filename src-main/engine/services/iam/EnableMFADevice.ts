import type { Ctx } from '../../core/provider';
import { entityAlreadyExists, invalidAuthenticationCode, noSuchEntity } from './errors';
import { requireEntity } from './state/entities';
import { findDevice, hotp, stepAt, type MfaRow } from './state/mfa';

/** How many 30-second steps back a first code may be (a learner may take a while to type both). */
const LOOKBACK_STEPS = 10;

/** Two consecutive codes: the first of step s, the second of step s+1, around the simulated now. */
export function checkConsecutiveCodes(device: MfaRow, code1: string, code2: string, now: number): number | undefined {
  if (!/^\d{6}$/.test(code1) || !/^\d{6}$/.test(code2)) return undefined;
  const current = stepAt(now);
  for (let s = current - LOOKBACK_STEPS; s <= current; s++) if (hotp(device.seed, s) === code1 && hotp(device.seed, s + 1) === code2) return s + 1;
  return undefined;
}

/** The root user's device is the one named root-account-mfa-device (the console's root MFA flow, §6.3.1). */
const isRootDevice = (ctx: Ctx, serial: string): boolean => ctx.principal.type === 'root' && serial === `arn:aws:iam::${ctx.accountId}:mfa/root-account-mfa-device`;

export const EnableMFADevice = (ctx: Ctx, input: { UserName: string; SerialNumber: string; AuthenticationCode1: string; AuthenticationCode2: string }) => {
  const owner = isRootDevice(ctx, input.SerialNumber) ? 'root' : requireEntity(ctx, 'user', input.UserName).id;
  const device = findDevice(ctx.store, input.SerialNumber);
  if (!device || device.account_id !== ctx.accountId) throw noSuchEntity(`VirtualMFADevice with serial number ${input.SerialNumber} doesn't exist.`);
  if (device.user_id !== null) throw entityAlreadyExists('MFA Device is already in use.');
  const step = checkConsecutiveCodes(device, input.AuthenticationCode1, input.AuthenticationCode2, ctx.clock.now());
  if (step === undefined) throw invalidAuthenticationCode('Authentication code for device is not valid.');
  ctx.store.stmt('UPDATE iam_mfa_devices SET user_id = ?, enabled_at = ?, last_step = ? WHERE serial = ?').run(owner, ctx.clock.now(), step, device.serial);
  return {};
};
