import type { Ctx } from '../../core/provider';
import { groupOutput } from './output';
import { paginate, requireEntity, type EntityRow } from './state/entities';

export const ListGroupsForUser = (ctx: Ctx, input: { UserName: string; Marker?: string; MaxItems?: number }) => {
  const u = requireEntity(ctx, 'user', input.UserName);
  const groups = ctx.store
    .stmt('SELECT g.* FROM iam_groups g JOIN iam_group_members m ON m.group_id = g.id WHERE m.user_id = ? ORDER BY g.name_lower')
    .all(u.id) as EntityRow[];
  const { page, IsTruncated, Marker } = paginate(groups, input.Marker, input.MaxItems);
  return { Groups: page.map(groupOutput), IsTruncated, Marker };
};
