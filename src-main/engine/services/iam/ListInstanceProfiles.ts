import type { Ctx } from '../../core/provider';
import { instanceProfileOutput } from './output';
import { listEntities, paginate } from './state/entities';

export const ListInstanceProfiles = (ctx: Ctx, input: { PathPrefix?: string; Marker?: string; MaxItems?: number }) => {
  const { page, IsTruncated, Marker } = paginate(listEntities(ctx.store, ctx.accountId, 'instance-profile', input.PathPrefix), input.Marker, input.MaxItems);
  return { InstanceProfiles: page.map((p) => instanceProfileOutput(ctx.store, p)), IsTruncated, Marker };
};
