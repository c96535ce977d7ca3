import type { Ctx } from '../../core/provider';
import { entityAlreadyExists, limitExceeded } from './errors';
import { requireEntity } from './state/entities';

export const AddRoleToInstanceProfile = (ctx: Ctx, input: { InstanceProfileName: string; RoleName: string }) => {
  const p = requireEntity(ctx, 'instance-profile', input.InstanceProfileName);
  const role = requireEntity(ctx, 'role', input.RoleName);
  if (ctx.store.stmt('SELECT 1 FROM iam_instance_profile_roles WHERE profile_id = ? AND role_id = ?').get(p.id, role.id))
    throw entityAlreadyExists(`Role ${role.name} already exists in instance profile ${p.name}.`);
  if (ctx.store.stmt('SELECT 1 FROM iam_instance_profile_roles WHERE profile_id = ?').get(p.id))
    throw limitExceeded('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
  ctx.store.stmt('INSERT INTO iam_instance_profile_roles (profile_id, role_id) VALUES (?, ?)').run(p.id, role.id);
  return {};
};
