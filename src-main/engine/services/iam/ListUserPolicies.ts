import type { Ctx } from '../../core/provider';
import { listInlinePolicies } from './inline';

export const ListUserPolicies = (ctx: Ctx, input: { UserName: string; Marker?: string; MaxItems?: number }) =>
  listInlinePolicies(ctx, 'user', input.UserName, input);
