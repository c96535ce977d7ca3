import type { Ctx } from '../../core/provider';
import { attachPolicy } from './attachments';


export const AttachGroupPolicy = (ctx: Ctx, input: { GroupName: string; PolicyArn: string }) => attachPolicy(ctx, 'group', input.GroupName, input.PolicyArn);
