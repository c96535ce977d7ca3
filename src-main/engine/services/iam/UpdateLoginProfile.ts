import type { Ctx } from '../../core/provider';
import { noSuchLoginProfile } from './errors';
import { targetUser } from './CreateAccessKey';
import { checkPassword, hashPassword } from './state/account';

export const UpdateLoginProfile = (ctx: Ctx, input: { UserName?: string; Password?: string; PasswordResetRequired?: boolean }) => {
  const user = targetUser(ctx, input.UserName);
  if (!ctx.store.stmt('SELECT 1 FROM iam_login_profiles WHERE user_id = ?').get(user.id)) throw noSuchLoginProfile(user.name);
  if (input.Password !== undefined) {
    checkPassword(ctx.store, ctx.accountId, input.Password);
    ctx.store.stmt('UPDATE iam_login_profiles SET password_hash = ? WHERE user_id = ?').run(hashPassword(input.Password), user.id);
  }
  if (input.PasswordResetRequired !== undefined)
    ctx.store.stmt('UPDATE iam_login_profiles SET reset_required = ? WHERE user_id = ?').run(input.PasswordResetRequired ? 1 : 0, user.id);
  return {};
};
