import type { Ctx } from '../../core/provider';
import { entityAlreadyExists } from './errors';
import { checkName, checkPath, checkTags } from './names';
import { findDevice, newSeed } from './state/mfa';

/**
 * A device with a fresh TOTP seed. Base32StringSeed is the seed's base32 text (a blob on the wire,
 * as in AWS). QRCodePNG is not drawn by the engine: the console renders the otpauth URI
 * (state/mfa.ts otpauthUri) itself.
 */
export const CreateVirtualMFADevice = (ctx: Ctx, input: { VirtualMFADeviceName: string; Path?: string; Tags?: { Key: string; Value: string }[] }) => {
  checkName(input.VirtualMFADeviceName, 'virtualMFADeviceName', 226);
  const path = checkPath(input.Path);
  checkTags(input.Tags);
  const serial = `arn:aws:iam::${ctx.accountId}:mfa${path}${input.VirtualMFADeviceName}`;
  if (findDevice(ctx.store, serial)) throw entityAlreadyExists('MFADevice entity at the same path and name already exists.');
  const seed = newSeed();
  ctx.store
    .stmt('INSERT INTO iam_mfa_devices (account_id, serial, path, name, seed, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(ctx.accountId, serial, path, input.VirtualMFADeviceName, seed, ctx.clock.now());
  return { VirtualMFADevice: { SerialNumber: serial, Base32StringSeed: Buffer.from(seed, 'ascii') } };
};
