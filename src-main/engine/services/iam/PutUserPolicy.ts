import type { Ctx } from '../../core/provider';
import { putInlinePolicy } from './inline';

export const PutUserPolicy = (ctx: Ctx, input: { UserName: string; PolicyName: string; PolicyDocument: string }) =>
  putInlinePolicy(ctx, 'user', input.UserName, input.PolicyName, input.PolicyDocument);
