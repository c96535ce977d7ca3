import type { Ctx } from '../../core/provider';
import { tagEntity } from './tags';

export const TagRole = (ctx: Ctx, input: { RoleName: string; Tags: { Key: string; Value: string }[] }) => tagEntity(ctx, 'role', input.RoleName, input.Tags);
