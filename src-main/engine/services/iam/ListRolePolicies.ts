import type { Ctx } from '../../core/provider';
import { listInlinePolicies } from './inline';

export const ListRolePolicies = (ctx: Ctx, input: { RoleName: string; Marker?: string; MaxItems?: number }) =>
  listInlinePolicies(ctx, 'role', input.RoleName, input);
