import type { Ctx } from '../../core/provider';
import { policyOutput, requirePolicy } from './state/policies';

export const GetPolicy = (ctx: Ctx, input: { PolicyArn: string }) => ({
  Policy: policyOutput(ctx.store, ctx.accountId, requirePolicy(ctx, input.PolicyArn)),
});
