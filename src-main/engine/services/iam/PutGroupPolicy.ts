import type { Ctx } from '../../core/provider';
import { putInlinePolicy } from './inline';

export const PutGroupPolicy = (ctx: Ctx, input: { GroupName: string; PolicyName: string; PolicyDocument: string }) =>
  putInlinePolicy(ctx, 'group', input.GroupName, input.PolicyName, input.PolicyDocument);
