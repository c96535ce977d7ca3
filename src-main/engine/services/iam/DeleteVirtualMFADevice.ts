import type { Ctx } from '../../core/provider';
import { deleteConflict, noSuchEntity } from './errors';
import { findDevice } from './state/mfa';

export const DeleteVirtualMFADevice = (ctx: Ctx, input: { SerialNumber: string }) => {
  const device = findDevice(ctx.store, input.SerialNumber);
  if (!device || device.account_id !== ctx.accountId) throw noSuchEntity(`VirtualMFADevice with serial number ${input.SerialNumber} doesn't exist.`);
  if (device.user_id !== null) throw deleteConflict('MFA device is still in use.');
  ctx.store.stmt('DELETE FROM iam_mfa_devices WHERE serial = ?').run(device.serial);
  return {};
};
