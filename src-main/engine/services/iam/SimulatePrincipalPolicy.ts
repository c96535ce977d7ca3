import type { Ctx } from '../../core/provider';
import type { EvalPrincipal } from '../../iam/compile';
import { invalidInput, noSuchEntity } from './errors';
import { identityPoliciesOf } from './authz';
import { simulate, simulatorPolicy, type ContextEntry } from './simulate';
import { entityById, findEntity } from './state/entities';
import { attachedPolicyArns, defaultDocument, findPolicy, inlinePolicies } from './state/policies';
import { compilePolicy } from '../../iam/compile';

export const SimulatePrincipalPolicy = (
  ctx: Ctx,
  input: { PolicySourceArn: string; PolicyInputList?: string[]; ActionNames: string[]; ResourceArns?: string[]; ResourcePolicy?: string; ResourceOwner?: string; CallerArn?: string; ContextEntries?: ContextEntry[] },
) => {
  const m = /^arn:aws:iam::(\d{12}):(user|group|role)\/(?:.*\/)?([^/]+)$/.exec(input.PolicySourceArn);
  if (!m || m[1] !== ctx.accountId) throw invalidInput(`Invalid ARN: ${input.PolicySourceArn}`);
  const kind = m[2] as 'user' | 'group' | 'role';
  const entity = findEntity(ctx.store, ctx.accountId, kind, m[3]!);
  if (!entity) throw noSuchEntity(`Unable to find the ${kind} with ARN ${input.PolicySourceArn}`);
  let principal: EvalPrincipal;
  let identity;
  if (kind === 'group') {
    principal = { type: 'user', arn: `arn:aws:iam::${ctx.accountId}:user/SimulatedUser`, accountId: ctx.accountId, userId: 'SimulatedUser' };
    identity = [
      ...inlinePolicies(ctx.store, entity.id).map((p) => compilePolicy(p.document, 'identity', `group/${entity.name}/${p.name}`)),
      ...attachedPolicyArns(ctx.store, entity.id).flatMap((arn) => {
        const policy = findPolicy(ctx.store, ctx.accountId, arn);
        return policy ? [compilePolicy(defaultDocument(ctx.store, policy), 'identity', arn)] : [];
      }),
    ];
  } else {
    principal =
      kind === 'user'
        ? { type: 'user', arn: entity.arn, accountId: ctx.accountId, userId: entity.id }
        : { type: 'assumed-role', arn: `arn:aws:sts::${ctx.accountId}:assumed-role/${entity.name}/SimulatedSession`, accountId: ctx.accountId, userId: `${entityById(ctx.store, 'role', entity.id)!.id}:SimulatedSession` };
    identity = [...(identityPoliciesOf(ctx.store, principal)?.identity ?? [])];
  }
  (input.PolicyInputList ?? []).forEach((doc, i) => identity.push(simulatorPolicy(doc, 'identity', `PolicyInputList.${i + 1}`)));
  return simulate(ctx, principal, identity, input);
};
