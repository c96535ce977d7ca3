import type { Ctx } from '../../core/provider';
import { roleOutput } from './output';
import { requireEntity, type RoleRow } from './state/entities';

export const GetRole = (ctx: Ctx, input: { RoleName: string }) => ({ Role: roleOutput(ctx.store, requireEntity<RoleRow>(ctx, 'role', input.RoleName), true) });
