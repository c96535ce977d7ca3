import type { Ctx } from '../../core/provider';
import { deleteInlinePolicy } from './inline';

export const DeleteRolePolicy = (ctx: Ctx, input: { RoleName: string; PolicyName: string }) =>
  deleteInlinePolicy(ctx, 'role', input.RoleName, input.PolicyName);
