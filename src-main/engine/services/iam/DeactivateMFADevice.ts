import type { Ctx } from '../../core/provider';
import { noSuchEntity } from './errors';
import { requireEntity } from './state/entities';
import { findDevice } from './state/mfa';

export const DeactivateMFADevice = (ctx: Ctx, input: { UserName?: string; SerialNumber: string }) => {
  const device = findDevice(ctx.store, input.SerialNumber);
  const owner = device?.user_id === 'root' && ctx.principal.type === 'root' ? 'root' : input.UserName !== undefined ? requireEntity(ctx, 'user', input.UserName).id : undefined;
  if (!device || device.account_id !== ctx.accountId || device.user_id === null || device.user_id !== owner)
    throw noSuchEntity(`MFA Device with serial number ${input.SerialNumber} does not exist.`);
  ctx.store.stmt('UPDATE iam_mfa_devices SET user_id = NULL, enabled_at = NULL WHERE serial = ?').run(device.serial);
  return {};
};
