import type { Ctx } from '../../core/provider';
import { attachPolicy } from './attachments';

export { MAX_POLICIES_PER_ENTITY, MAX_POLICY_VERSIONS } from './attachments';

export const AttachUserPolicy = (ctx: Ctx, input: { UserName: string; PolicyArn: string }) => attachPolicy(ctx, 'user', input.UserName, input.PolicyArn);
