import type { Ctx } from '../../core/provider';
import { listAttached } from './attachments';

export const ListAttachedUserPolicies = (ctx: Ctx, input: { UserName: string; PathPrefix?: string; Marker?: string; MaxItems?: number }) =>
  listAttached(ctx, 'user', input.UserName, input);
