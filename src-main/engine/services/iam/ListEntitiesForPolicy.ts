import type { Ctx } from '../../core/provider';
import { entityById } from './state/entities';
import { attachmentsOf, requirePolicy } from './state/policies';

export const ListEntitiesForPolicy = (ctx: Ctx, input: { PolicyArn: string; EntityFilter?: string; PathPrefix?: string }) => {
  const policy = requirePolicy(ctx, input.PolicyArn);
  const groups: { GroupName: string; GroupId: string }[] = [];
  const users: { UserName: string; UserId: string }[] = [];
  const roles: { RoleName: string; RoleId: string }[] = [];
  const filter = input.EntityFilter;
  for (const a of attachmentsOf(ctx.store, ctx.accountId, policy.arn)) {
    const e = entityById(ctx.store, a.entity_kind, a.entity_id);
    if (!e || !e.path.startsWith(input.PathPrefix ?? '/')) continue;
    if (a.entity_kind === 'user' && (!filter || filter === 'User')) users.push({ UserName: e.name, UserId: e.id });
    if (a.entity_kind === 'group' && (!filter || filter === 'Group')) groups.push({ GroupName: e.name, GroupId: e.id });
    if (a.entity_kind === 'role' && (!filter || filter === 'Role')) roles.push({ RoleName: e.name, RoleId: e.id });
  }
  return { PolicyGroups: groups, PolicyUsers: users, PolicyRoles: roles, IsTruncated: false };
};
