import type { Ctx } from '../../core/provider';
import { untagEntity } from './tags';

export const UntagRole = (ctx: Ctx, input: { RoleName: string; TagKeys: string[] }) => untagEntity(ctx, 'role', input.RoleName, input.TagKeys);
