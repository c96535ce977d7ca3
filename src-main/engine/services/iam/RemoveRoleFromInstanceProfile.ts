import type { Ctx } from '../../core/provider';
import { noSuchEntity } from './errors';
import { requireEntity } from './state/entities';

export const RemoveRoleFromInstanceProfile = (ctx: Ctx, input: { InstanceProfileName: string; RoleName: string }) => {
  const p = requireEntity(ctx, 'instance-profile', input.InstanceProfileName);
  const role = requireEntity(ctx, 'role', input.RoleName);
  if (ctx.store.stmt('DELETE FROM iam_instance_profile_roles WHERE profile_id = ? AND role_id = ?').run(p.id, role.id).changes === 0)
    throw noSuchEntity(`Role ${role.name} in Instance Profile ${p.name} cannot be found.`);
  return {};
};
