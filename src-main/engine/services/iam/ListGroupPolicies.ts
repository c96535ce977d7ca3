import type { Ctx } from '../../core/provider';
import { listInlinePolicies } from './inline';

export const ListGroupPolicies = (ctx: Ctx, input: { GroupName: string; Marker?: string; MaxItems?: number }) =>
  listInlinePolicies(ctx, 'group', input.GroupName, input);
