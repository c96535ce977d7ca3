import type { Ctx } from '../../core/provider';
import { instanceProfileOutput } from './output';
import { paginate, requireEntity, type EntityRow } from './state/entities';

export const ListInstanceProfilesForRole = (ctx: Ctx, input: { RoleName: string; Marker?: string; MaxItems?: number }) => {
  const role = requireEntity(ctx, 'role', input.RoleName);
  const profiles = ctx.store
    .stmt('SELECT p.* FROM iam_instance_profiles p JOIN iam_instance_profile_roles x ON x.profile_id = p.id WHERE x.role_id = ? ORDER BY p.name_lower')
    .all(role.id) as EntityRow[];
  const { page, IsTruncated, Marker } = paginate(profiles, input.Marker, input.MaxItems);
  return { InstanceProfiles: page.map((p) => instanceProfileOutput(ctx.store, p)), IsTruncated, Marker };
};
