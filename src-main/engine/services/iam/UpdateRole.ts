import type { Ctx } from '../../core/provider';
import { checkMaxSessionDuration } from './roles';
import { requireEntity } from './state/entities';

export const UpdateRole = (ctx: Ctx, input: { RoleName: string; Description?: string; MaxSessionDuration?: number }) => {
  const role = requireEntity(ctx, 'role', input.RoleName);
  if (input.Description !== undefined) ctx.store.stmt('UPDATE iam_roles SET description = ? WHERE id = ?').run(input.Description, role.id);
  if (input.MaxSessionDuration !== undefined)
    ctx.store.stmt('UPDATE iam_roles SET max_session_duration = ? WHERE id = ?').run(checkMaxSessionDuration(input.MaxSessionDuration), role.id);
  return {};
};
