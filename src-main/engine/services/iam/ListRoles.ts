import type { Ctx } from '../../core/provider';
import { roleOutput } from './output';
import { listEntities, paginate, type RoleRow } from './state/entities';

export const ListRoles = (ctx: Ctx, input: { PathPrefix?: string; Marker?: string; MaxItems?: number }) => {
  const { page, IsTruncated, Marker } = paginate(listEntities<RoleRow>(ctx.store, ctx.accountId, 'role', input.PathPrefix), input.Marker, input.MaxItems);
  return { Roles: page.map((r) => roleOutput(ctx.store, r)), IsTruncated, Marker };
};
