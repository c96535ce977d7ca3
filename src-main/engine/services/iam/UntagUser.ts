import type { Ctx } from '../../core/provider';
import { untagEntity } from './tags';

export const UntagUser = (ctx: Ctx, input: { UserName: string; TagKeys: string[] }) => untagEntity(ctx, 'user', input.UserName, input.TagKeys);
