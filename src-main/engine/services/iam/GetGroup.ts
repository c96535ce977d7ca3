import type { Ctx } from '../../core/provider';
import { groupOutput, userOutput } from './output';
import { paginate, requireEntity, type EntityRow } from './state/entities';

export const GetGroup = (ctx: Ctx, input: { GroupName: string; Marker?: string; MaxItems?: number }) => {
  const g = requireEntity(ctx, 'group', input.GroupName);
  const users = ctx.store
    .stmt('SELECT u.* FROM iam_users u JOIN iam_group_members m ON m.user_id = u.id WHERE m.group_id = ? ORDER BY u.name_lower')
    .all(g.id) as EntityRow[];
  const { page, IsTruncated, Marker } = paginate(users, input.Marker, input.MaxItems);
  return { Group: groupOutput(g), Users: page.map((u) => userOutput(ctx.store, u)), IsTruncated, Marker };
};
