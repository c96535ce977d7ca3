import type { Ctx } from '../../core/provider';
import { noSuchLoginProfile } from './errors';
import { targetUser } from './CreateAccessKey';

export const DeleteLoginProfile = (ctx: Ctx, input: { UserName?: string }) => {
  const user = targetUser(ctx, input.UserName);
  if (ctx.store.stmt('DELETE FROM iam_login_profiles WHERE user_id = ?').run(user.id).changes === 0) throw noSuchLoginProfile(user.name);
  return {};
};
