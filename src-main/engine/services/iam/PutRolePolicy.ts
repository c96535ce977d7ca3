import type { Ctx } from '../../core/provider';
import { putInlinePolicy } from './inline';

export const PutRolePolicy = (ctx: Ctx, input: { RoleName: string; PolicyName: string; PolicyDocument: string }) =>
  putInlinePolicy(ctx, 'role', input.RoleName, input.PolicyName, input.PolicyDocument);
