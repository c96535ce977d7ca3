import type { Ctx } from '../../core/provider';
import { userOutput } from './output';
import { listEntities, paginate } from './state/entities';

export const ListUsers = (ctx: Ctx, input: { PathPrefix?: string; Marker?: string; MaxItems?: number }) => {
  const { page, IsTruncated, Marker } = paginate(listEntities(ctx.store, ctx.accountId, 'user', input.PathPrefix), input.Marker, input.MaxItems);
  return { Users: page.map((u) => userOutput(ctx.store, u)), IsTruncated, Marker };
};
