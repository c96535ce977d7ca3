import type { Ctx } from '../../core/provider';
import { deleteInlinePolicy } from './inline';

export const DeleteGroupPolicy = (ctx: Ctx, input: { GroupName: string; PolicyName: string }) =>
  deleteInlinePolicy(ctx, 'group', input.GroupName, input.PolicyName);
