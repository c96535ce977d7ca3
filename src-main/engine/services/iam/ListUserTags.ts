import type { Ctx } from '../../core/provider';
import { listTags } from './tags';

export const ListUserTags = (ctx: Ctx, input: { UserName: string }) => listTags(ctx, 'user', input.UserName);
