import type { Ctx } from '../../core/provider';
import { deleteConflict, unmodifiableEntity } from './errors';
import { deleteEntity, requireEntity } from './state/entities';
import { attachedPolicyArns, inlinePolicies } from './state/policies';

export const DeleteRole = (ctx: Ctx, input: { RoleName: string }) => {
  const role = requireEntity(ctx, 'role', input.RoleName);
  if (role.path.startsWith('/aws-service-role/'))
    throw unmodifiableEntity(`Cannot perform the operation on the protected role '${role.name}' - this role is only modifiable by AWS`);
  if (ctx.store.stmt('SELECT 1 FROM iam_instance_profile_roles WHERE role_id = ?').get(role.id))
    throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  if (inlinePolicies(ctx.store, role.id).length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
  if (attachedPolicyArns(ctx.store, role.id).length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
  deleteEntity(ctx.store, 'role', role.id);
  return {};
};
