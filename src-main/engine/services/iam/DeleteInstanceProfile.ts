import type { Ctx } from '../../core/provider';
import { deleteConflict } from './errors';
import { deleteEntity, requireEntity } from './state/entities';

export const DeleteInstanceProfile = (ctx: Ctx, input: { InstanceProfileName: string }) => {
  const p = requireEntity(ctx, 'instance-profile', input.InstanceProfileName);
  if (ctx.store.stmt('SELECT 1 FROM iam_instance_profile_roles WHERE profile_id = ?').get(p.id))
    throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  deleteEntity(ctx.store, 'instance-profile', p.id);
  return {};
};
