import type { Ctx } from '../../core/provider';
import { detachPolicy } from './attachments';

export const DetachUserPolicy = (ctx: Ctx, input: { UserName: string; PolicyArn: string }) => detachPolicy(ctx, 'user', input.UserName, input.PolicyArn);
