/**
 * What the authorizer (engine/iam) reads from IAM: the generation counter, a principal's identity
 * policies (user: inline + attached + its groups' inline + attached; role session: the role's) and
 * entity paths for resource ARNs. Wired in by the composition root through services/registry.ts.
 */
import type { Store } from '../../store/store';
import { compilePolicy, type CompiledPolicy, type EvalPrincipal } from '../../iam/compile';
import type { IdentityPolicies, IdentitySource } from '../../iam/hooks';
import { entityById, findEntity, tagsOf, type EntityKind, type EntityRow } from './state/entities';
import { generationOf } from './state/generation';
import { attachedPolicyArns, defaultDocument, findPolicy, inlinePolicies } from './state/policies';

function policiesOfEntity(store: Store, accountId: string, kind: 'user' | 'group' | 'role', entity: EntityRow): CompiledPolicy[] {
  const out: CompiledPolicy[] = [];
  for (const p of inlinePolicies(store, entity.id)) out.push(compilePolicy(p.document, 'identity', `${kind}/${entity.name}/${p.name}`));
  for (const arn of attachedPolicyArns(store, entity.id)) {
    const policy = findPolicy(store, accountId, arn);
    if (policy) out.push(compilePolicy(defaultDocument(store, policy), 'identity', arn));
  }
  return out;
}

const groupsOfUser = (store: Store, userId: string): EntityRow[] =>
  store.stmt('SELECT g.* FROM iam_groups g JOIN iam_group_members m ON m.group_id = g.id WHERE m.user_id = ? ORDER BY g.name_lower').all(userId) as EntityRow[];

export function identityPoliciesOf(store: Store, principal: EvalPrincipal): IdentityPolicies | undefined {
  const userId = principal.userId ?? '';
  if (principal.type === 'user') {
    const user = entityById(store, 'user', userId);
    if (!user || user.account_id !== principal.accountId) return undefined;
    const identity = policiesOfEntity(store, principal.accountId, 'user', user);
    for (const g of groupsOfUser(store, user.id)) identity.push(...policiesOfEntity(store, principal.accountId, 'group', g));
    return { identity, userName: user.name, tags: new Map(tagsOf(store, user.id).map((t) => [t.Key, t.Value])) };
  }
  if (principal.type === 'assumed-role') {
    const role = entityById(store, 'role', userId.split(':')[0]!);
    if (!role || role.account_id !== principal.accountId) return undefined;
    return {
      identity: policiesOfEntity(store, principal.accountId, 'role', role),
      roleArn: role.arn,
      tags: new Map(tagsOf(store, role.id).map((t) => [t.Key, t.Value])),
    };
  }
  return undefined;
}

export const iamIdentitySource: IdentitySource = {
  generation: generationOf,
  policiesFor: identityPoliciesOf,
  pathOf(store, accountId, kind, name) {
    return findEntity(store, accountId, kind as EntityKind, name)?.path ?? '/';
  },
};
