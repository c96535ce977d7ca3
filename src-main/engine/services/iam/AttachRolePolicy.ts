import type { Ctx } from '../../core/provider';
import { attachPolicy } from './attachments';


export const AttachRolePolicy = (ctx: Ctx, input: { RoleName: string; PolicyArn: string }) => attachPolicy(ctx, 'role', input.RoleName, input.PolicyArn);
