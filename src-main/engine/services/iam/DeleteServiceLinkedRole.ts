import type { Ctx } from '../../core/provider';
import { randomUUID } from 'node:crypto';
import { deleteEntity, requireEntity } from './state/entities';
import { validationError } from './errors';

/** Deletion finishes at once in the lab; the task id is what GetServiceLinkedRoleDeletionStatus would take. */
export const DeleteServiceLinkedRole = (ctx: Ctx, input: { RoleName: string }) => {
  const role = requireEntity(ctx, 'role', input.RoleName);
  if (!role.path.startsWith('/aws-service-role/')) throw validationError(`Role ${role.name} is not a service-linked role.`);
  ctx.store.stmt('DELETE FROM iam_attachments WHERE entity_id = ?').run(role.id);
  ctx.store.stmt('DELETE FROM iam_instance_profile_roles WHERE role_id = ?').run(role.id);
  deleteEntity(ctx.store, 'role', role.id);
  return { DeletionTaskId: `task/aws-service-role/${role.path.split('/')[2]}/${role.name}/${randomUUID()}` };
};
