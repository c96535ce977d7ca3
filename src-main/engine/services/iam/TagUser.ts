import type { Ctx } from '../../core/provider';
import { tagEntity } from './tags';

export const TagUser = (ctx: Ctx, input: { UserName: string; Tags: { Key: string; Value: string }[] }) => tagEntity(ctx, 'user', input.UserName, input.Tags);
