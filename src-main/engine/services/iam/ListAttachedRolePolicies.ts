import type { Ctx } from '../../core/provider';
import { listAttached } from './attachments';

export const ListAttachedRolePolicies = (ctx: Ctx, input: { RoleName: string; PathPrefix?: string; Marker?: string; MaxItems?: number }) =>
  listAttached(ctx, 'role', input.RoleName, input);
