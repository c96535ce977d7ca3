import type { Ctx } from '../../core/provider';
import { groupOutput } from './output';
import { listEntities, paginate } from './state/entities';

export const ListGroups = (ctx: Ctx, input: { PathPrefix?: string; Marker?: string; MaxItems?: number }) => {
  const { page, IsTruncated, Marker } = paginate(listEntities(ctx.store, ctx.accountId, 'group', input.PathPrefix), input.Marker, input.MaxItems);
  return { Groups: page.map(groupOutput), IsTruncated, Marker };
};
