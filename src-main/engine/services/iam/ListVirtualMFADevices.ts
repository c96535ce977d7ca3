import type { Ctx } from '../../core/provider';
import { userOutput } from './output';
import { entityById } from './state/entities';
import type { MfaRow } from './state/mfa';

export const ListVirtualMFADevices = (ctx: Ctx, input: { AssignmentStatus?: 'Assigned' | 'Unassigned' | 'Any' }) => {
  const status = input.AssignmentStatus ?? 'Any';
  const rows = (ctx.store.stmt('SELECT * FROM iam_mfa_devices WHERE account_id = ? ORDER BY serial').all(ctx.accountId) as MfaRow[]).filter(
    (d) => status === 'Any' || (status === 'Assigned') === (d.user_id !== null),
  );
  return {
    VirtualMFADevices: rows.map((d) => {
      const user = d.user_id && d.user_id !== 'root' ? entityById(ctx.store, 'user', d.user_id) : undefined;
      return {
        SerialNumber: d.serial,
        User: user ? userOutput(ctx.store, user) : d.user_id === 'root' ? { UserId: ctx.accountId, Arn: `arn:aws:iam::${ctx.accountId}:root`, CreateDate: new Date(0) } : undefined,
        EnableDate: d.enabled_at ? new Date(d.enabled_at) : undefined,
      };
    }),
    IsTruncated: false,
  };
};
