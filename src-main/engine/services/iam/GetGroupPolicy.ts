import type { Ctx } from '../../core/provider';
import { getInlinePolicy } from './inline';

export const GetGroupPolicy = (ctx: Ctx, input: { GroupName: string; PolicyName: string }) => {
  const { name, PolicyName, PolicyDocument } = getInlinePolicy(ctx, 'group', input.GroupName, input.PolicyName);
  return { GroupName: name, PolicyName, PolicyDocument };
};
