import type { Ctx } from '../../core/provider';
import { noSuchLoginProfile } from './errors';
import { targetUser } from './CreateAccessKey';

export const GetLoginProfile = (ctx: Ctx, input: { UserName?: string }) => {
  const user = targetUser(ctx, input.UserName);
  const row = ctx.store.stmt('SELECT * FROM iam_login_profiles WHERE user_id = ?').get(user.id) as { created_at: number; reset_required: number } | undefined;
  if (!row) throw noSuchLoginProfile(user.name);
  return { LoginProfile: { UserName: user.name, CreateDate: new Date(row.created_at), PasswordResetRequired: row.reset_required === 1 } };
};
