import type { Ctx } from '../../core/provider';
import { detachPolicy } from './attachments';

export const DetachGroupPolicy = (ctx: Ctx, input: { GroupName: string; PolicyArn: string }) => detachPolicy(ctx, 'group', input.GroupName, input.PolicyArn);
