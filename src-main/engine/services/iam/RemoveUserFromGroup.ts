import type { Ctx } from '../../core/provider';
import { noSuchEntity } from './errors';
import { requireEntity } from './state/entities';

export const RemoveUserFromGroup = (ctx: Ctx, input: { GroupName: string; UserName: string }) => {
  const g = requireEntity(ctx, 'group', input.GroupName);
  const u = requireEntity(ctx, 'user', input.UserName);
  const r = ctx.store.stmt('DELETE FROM iam_group_members WHERE group_id = ? AND user_id = ?').run(g.id, u.id);
  if (r.changes === 0) throw noSuchEntity(`User ${u.name} does not belong to group ${g.name}.`);
  return {};
};
