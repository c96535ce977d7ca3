import type { Ctx } from '../../core/provider';
import { deleteInlinePolicy } from './inline';

export const DeleteUserPolicy = (ctx: Ctx, input: { UserName: string; PolicyName: string }) =>
  deleteInlinePolicy(ctx, 'user', input.UserName, input.PolicyName);
