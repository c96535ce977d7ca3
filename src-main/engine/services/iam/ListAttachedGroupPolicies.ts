import type { Ctx } from '../../core/provider';
import { listAttached } from './attachments';

export const ListAttachedGroupPolicies = (ctx: Ctx, input: { GroupName: string; PathPrefix?: string; Marker?: string; MaxItems?: number }) =>
  listAttached(ctx, 'group', input.GroupName, input);
