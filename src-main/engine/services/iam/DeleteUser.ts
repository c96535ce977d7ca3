import type { Ctx } from '../../core/provider';
import { deleteConflict } from './errors';
import { deleteEntity, requireEntity } from './state/entities';
import { keysOfUser } from './state/access-keys';
import { devicesOf } from './state/mfa';
import { attachedPolicyArns, inlinePolicies } from './state/policies';

/** IAM refuses while anything still hangs off the user, naming the first thing to remove. */
export const DeleteUser = (ctx: Ctx, input: { UserName: string }) => {
  const user = requireEntity(ctx, 'user', input.UserName);
  const s = ctx.store;
  if (s.stmt('SELECT 1 FROM iam_login_profiles WHERE user_id = ?').get(user.id)) throw deleteConflict('Cannot delete entity, must delete login profile first.');
  if (keysOfUser(s, user.id).length > 0) throw deleteConflict('Cannot delete entity, must delete access keys first.');
  if (devicesOf(s, ctx.accountId, user.id).length > 0) throw deleteConflict('Cannot delete entity, must delete MFA device first.');
  if (inlinePolicies(s, user.id).length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
  if (attachedPolicyArns(s, user.id).length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
  if (s.stmt('SELECT 1 FROM iam_group_members WHERE user_id = ?').get(user.id)) throw deleteConflict('Cannot delete entity, must remove users from group first.');
  deleteEntity(s, 'user', user.id);
  return {};
};
