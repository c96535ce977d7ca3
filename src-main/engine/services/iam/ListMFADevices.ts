import type { Ctx } from '../../core/provider';
import { targetUser } from './CreateAccessKey';
import { devicesOf } from './state/mfa';

export const ListMFADevices = (ctx: Ctx, input: { UserName?: string }) => {
  const root = input.UserName === undefined && ctx.principal.type === 'root';
  const user = root ? undefined : targetUser(ctx, input.UserName);
  const devices = devicesOf(ctx.store, ctx.accountId, user?.id ?? 'root');
  return {
    MFADevices: devices.map((d) => ({ UserName: user?.name ?? ctx.accountId, SerialNumber: d.serial, EnableDate: new Date(d.enabled_at!) })),
    IsTruncated: false,
  };
};
