import type { Ctx } from '../../core/provider';
import { getInlinePolicy } from './inline';

export const GetRolePolicy = (ctx: Ctx, input: { RoleName: string; PolicyName: string }) => {
  const { name, PolicyName, PolicyDocument } = getInlinePolicy(ctx, 'role', input.RoleName, input.PolicyName);
  return { RoleName: name, PolicyName, PolicyDocument };
};
