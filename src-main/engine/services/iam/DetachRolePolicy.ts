import type { Ctx } from '../../core/provider';
import { detachPolicy } from './attachments';

export const DetachRolePolicy = (ctx: Ctx, input: { RoleName: string; PolicyArn: string }) => detachPolicy(ctx, 'role', input.RoleName, input.PolicyArn);
