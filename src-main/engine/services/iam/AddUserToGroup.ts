import type { Ctx } from '../../core/provider';
import { limitExceeded } from './errors';
import { requireEntity } from './state/entities';

export const MAX_GROUPS_PER_USER = 10;

export const AddUserToGroup = (ctx: Ctx, input: { GroupName: string; UserName: string }) => {
  const g = requireEntity(ctx, 'group', input.GroupName);
  const u = requireEntity(ctx, 'user', input.UserName);
  const n = (ctx.store.stmt('SELECT count(*) AS n FROM iam_group_members WHERE user_id = ?').get(u.id) as { n: number }).n;
  const already = ctx.store.stmt('SELECT 1 FROM iam_group_members WHERE group_id = ? AND user_id = ?').get(g.id, u.id);
  if (!already && n >= MAX_GROUPS_PER_USER) throw limitExceeded(`Cannot exceed quota for GroupsPerUser: ${MAX_GROUPS_PER_USER}`);
  ctx.store.stmt('INSERT OR IGNORE INTO iam_group_members (group_id, user_id, added_at) VALUES (?, ?, ?)').run(g.id, u.id, ctx.clock.now());
  return {};
};
