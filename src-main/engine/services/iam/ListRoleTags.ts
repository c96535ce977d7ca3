import type { Ctx } from '../../core/provider';
import { listTags } from './tags';

export const ListRoleTags = (ctx: Ctx, input: { RoleName: string }) => listTags(ctx, 'role', input.RoleName);
