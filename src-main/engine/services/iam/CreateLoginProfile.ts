import type { Ctx } from '../../core/provider';
import { entityAlreadyExists } from './errors';
import { targetUser } from './CreateAccessKey';
import { checkPassword, hashPassword } from './state/account';

export const CreateLoginProfile = (ctx: Ctx, input: { UserName?: string; Password: string; PasswordResetRequired?: boolean }) => {
  const user = targetUser(ctx, input.UserName);
  if (ctx.store.stmt('SELECT 1 FROM iam_login_profiles WHERE user_id = ?').get(user.id)) throw entityAlreadyExists(`Login Profile for user ${user.name} already exists.`);
  checkPassword(ctx.store, ctx.accountId, input.Password);
  const now = ctx.clock.now();
  ctx.store
    .stmt('INSERT INTO iam_login_profiles (user_id, password_hash, reset_required, created_at) VALUES (?, ?, ?, ?)')
    .run(user.id, hashPassword(input.Password), input.PasswordResetRequired ? 1 : 0, now);
  return { LoginProfile: { UserName: user.name, CreateDate: new Date(now), PasswordResetRequired: !!input.PasswordResetRequired } };
};
