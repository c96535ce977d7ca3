import type { Ctx } from '../../core/provider';
import { getInlinePolicy } from './inline';

export const GetUserPolicy = (ctx: Ctx, input: { UserName: string; PolicyName: string }) => {
  const { name, PolicyName, PolicyDocument } = getInlinePolicy(ctx, 'user', input.UserName, input.PolicyName);
  return { UserName: name, PolicyName, PolicyDocument };
};
