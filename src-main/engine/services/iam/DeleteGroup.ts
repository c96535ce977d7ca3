import type { Ctx } from '../../core/provider';
import { deleteConflict } from './errors';
import { deleteEntity, requireEntity } from './state/entities';
import { attachedPolicyArns, inlinePolicies } from './state/policies';

export const DeleteGroup = (ctx: Ctx, input: { GroupName: string }) => {
  const g = requireEntity(ctx, 'group', input.GroupName);
  if (ctx.store.stmt('SELECT 1 FROM iam_group_members WHERE group_id = ?').get(g.id)) throw deleteConflict('Cannot delete entity, must remove users from group first.');
  if (inlinePolicies(ctx.store, g.id).length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
  if (attachedPolicyArns(ctx.store, g.id).length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
  deleteEntity(ctx.store, 'group', g.id);
  return {};
};
