/**
 * The pure policy evaluator, after AWS's documented logic ("Policy evaluation logic"):
 *   1. an explicit Deny in any applicable policy wins;
 *   2. within one account, an Allow from an identity-based policy OR from a resource-based policy
 *      that names the principal itself is enough (a resource policy naming only the account
 *      delegates to identity policies);
 *   3. across accounts, both the identity policy (caller's account) and the resource policy
 *      (resource owner's account) must allow;
 *   4. session policies, when present, must allow too;
 *   5. otherwise the request is implicitly denied.
 * The root user is allowed everything in its own account unless a resource policy denies it;
 * service principals acting for the lab are allowed.
 */
import type { ContextLookup } from './conditions';
import { compileParsed, type CompiledPolicy, type CompiledStatement, type EvalPrincipal, type PrincipalMatch } from './compile';
import { parsePolicy, type PolicyKind } from './policy';

export type { EvalPrincipal } from './compile';

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
export type PolicySource = 'identity' | 'resource' | 'session';
export type ContextValue = string | number | boolean | readonly (string | number | boolean)[];

export interface EvalRequest {
  /** `service:Action`, e.g. `ec2:TerminateInstances` (case-insensitive). */
  action: string;
  /** One resource ARN, or `*`. */
  resource: string;
  principal: EvalPrincipal;
  /** Account owning the resource; defaults to the principal's (same-account request). */
  resourceAccountId?: string;
  /** Condition keys: a lookup (keys lower-case) or a plain object (any case). */
  context?: ContextLookup | Readonly<Record<string, ContextValue>>;
}

export type PolicyInput = CompiledPolicy | string | object;

export interface PolicySet {
  /** The principal's identity-based policies (user + groups, or the role of a session). */
  identity?: readonly PolicyInput[];
  /** Resource-based policies of the resource (bucket policy, role trust policy). */
  resource?: readonly PolicyInput[];
  /** Session policies passed to AssumeRole / GetFederationToken. */
  session?: readonly PolicyInput[];
  /** sts:AssumeRole: the role's trust policy (a resource policy) must allow, whatever identity policies say. */
  requireResourceAllow?: boolean;
}

export interface MatchedStatement {
  source: PolicySource;
  policy: string;
  sid?: string;
  index: number;
  effect: 'Allow' | 'Deny';
}

export interface EvalResult {
  decision: Decision;
  decidingStatement?: MatchedStatement;
  /** Every statement that applied (action, resource, principal and conditions matched). */
  matched: MatchedStatement[];
  /** AWS's explanation, the tail of its AccessDenied message ("because no identity-based policy allows…"). */
  reason: string;
}

const EMPTY: readonly string[] = [];

/** Wraps a plain context object (any key case, scalar or list values) as a lookup. */
export function contextFrom(values: Readonly<Record<string, ContextValue>>): ContextLookup {
  const map = new Map<string, readonly string[]>();
  for (const [k, v] of Object.entries(values)) map.set(k.toLowerCase(), Array.isArray(v) ? v.map(String) : [String(v)]);
  return { get: (k) => map.get(k) };
}

const NO_CONTEXT: ContextLookup = { get: () => undefined };

let anonymous = 0;
function toCompiled(p: PolicyInput, kind: PolicyKind): CompiledPolicy {
  if (typeof p === 'object' && 'forAction' in p && typeof (p as CompiledPolicy).forAction === 'function') return p as CompiledPolicy;
  return compileParsed(parsePolicy(p as string | object, kind), kind, `policy-${++anonymous}`);
}

const conditionsHold = (s: CompiledStatement, ctx: ContextLookup): boolean => {
  for (const c of s.conditions) if (!c(ctx)) return false;
  return true;
};

const describe = (s: CompiledStatement, source: PolicySource): MatchedStatement => ({
  source,
  policy: s.policy.name,
  sid: s.sid,
  index: s.index,
  effect: s.effect,
});

export function evaluate(request: EvalRequest, policies: PolicySet): EvalResult {
  const action = request.action.toLowerCase();
  const p = request.principal;
  const ctx: ContextLookup =
    request.context === undefined ? NO_CONTEXT : typeof request.context.get === 'function' ? (request.context as ContextLookup) : contextFrom(request.context as Record<string, ContextValue>);
  const sameAccount = (request.resourceAccountId ?? p.accountId) === p.accountId;
  const matched: MatchedStatement[] = [];
  let deny: MatchedStatement | undefined;
  let identityAllow: MatchedStatement | undefined;
  let resourceDirect: MatchedStatement | undefined;
  let resourceAccount: MatchedStatement | undefined;
  let sessionAllow: MatchedStatement | undefined;

  if (p.type === 'service') return { decision: 'Allow', matched, reason: 'the service principal acts for the lab' };

  const scan = (list: readonly PolicyInput[] | undefined, source: PolicySource, kind: PolicyKind): void => {
    if (!list) return;
    for (const input of list) {
      const policy = toCompiled(input, kind);
      for (const s of policy.forAction(action)) {
        let how: PrincipalMatch = 'direct';
        if (source === 'resource') {
          how = s.matchesPrincipal(p);
          if (!how) continue;
        }
        if (!s.matchesResource(request.resource, ctx) || !conditionsHold(s, ctx)) continue;
        const m = describe(s, source);
        matched.push(m);
        if (s.effect === 'Deny') {
          deny ??= m;
          continue;
        }
        if (source === 'identity') identityAllow ??= m;
        else if (source === 'session') sessionAllow ??= m;
        else if (how === 'direct') resourceDirect ??= m;
        else resourceAccount ??= m;
      }
    }
  };
  if (p.type !== 'root') scan(policies.identity, 'identity', 'identity');
  scan(policies.resource, 'resource', policies.requireResourceAllow ? 'trust' : 'resource');
  if (p.type !== 'root') scan(policies.session, 'session', 'identity');

  const act = request.action;
  if (deny) {
    const where = deny.source === 'identity' ? 'an identity-based policy' : deny.source === 'session' ? 'a session policy' : 'a resource-based policy';
    return { decision: 'ExplicitDeny', decidingStatement: deny, matched, reason: `with an explicit deny in ${where}` };
  }
  const implicit = (reason: string): EvalResult => ({ decision: 'ImplicitDeny', matched, reason });
  const allow = (by: MatchedStatement | undefined, reason: string): EvalResult => ({ decision: 'Allow', decidingStatement: by, matched, reason });
  const noIdentity = `because no identity-based policy allows the ${act} action`;
  const noResource = `because no resource-based policy allows the ${act} action`;

  // An unsigned request has no identity: the resource's own policy alone decides (S3's public objects).
  if (p.type === 'anonymous') return resourceDirect ? allow(resourceDirect, 'a resource-based policy allows everyone') : implicit(noResource);
  if (p.type === 'root') {
    if (sameAccount && !policies.requireResourceAllow) return allow(undefined, 'the root user may do anything in its own account');
    if (resourceDirect ?? resourceAccount) return allow(resourceDirect ?? resourceAccount, 'a resource-based policy allows the root user');
    return implicit(noResource);
  }
  if (policies.session && !sessionAllow && !resourceDirect) return implicit(`because no session policy allows the ${act} action`);
  if (policies.requireResourceAllow) {
    if (!resourceDirect && !resourceAccount) return implicit(noResource);
    if (sameAccount && resourceDirect) return allow(resourceDirect, 'the trust policy names the principal');
    if (identityAllow) return allow(identityAllow, 'the trust policy and an identity-based policy allow');
    return implicit(noIdentity);
  }
  if (sameAccount) {
    if (identityAllow) return allow(identityAllow, 'an identity-based policy allows');
    if (resourceDirect) return allow(resourceDirect, 'a resource-based policy allows');
    return implicit(noIdentity);
  }
  if (!identityAllow) return implicit(noIdentity);
  if (!resourceDirect && !resourceAccount) return implicit(noResource);
  return allow(identityAllow, 'both the identity-based and the resource-based policy allow');
}

export { EMPTY as NO_VALUES };
