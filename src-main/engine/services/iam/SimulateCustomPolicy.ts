import type { Ctx } from '../../core/provider';
import { simulate, simulatorPolicy, type ContextEntry } from './simulate';

export const SimulateCustomPolicy = (
  ctx: Ctx,
  input: { PolicyInputList: string[]; ActionNames: string[]; ResourceArns?: string[]; ResourcePolicy?: string; ResourceOwner?: string; CallerArn?: string; ContextEntries?: ContextEntry[] },
) => {
  const identity = input.PolicyInputList.map((doc, i) => simulatorPolicy(doc, 'identity', `PolicyInputList.${i + 1}`));
  const callerArn = input.CallerArn ?? `arn:aws:iam::${ctx.accountId}:user/SimulatedUser`;
  return simulate(ctx, { type: 'user', arn: callerArn, accountId: ctx.accountId, userId: 'SimulatedUser' }, identity, input);
};
