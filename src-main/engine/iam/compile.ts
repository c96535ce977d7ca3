/**
 * Compiled policies: parsed once (cached by document text), with wildcard matchers built up front
 * and, per policy, the statements relevant to an action memoized, so a call touches only the few
 * statements that name its action.
 */
import { compileCondition, substituteVariables, type CompiledCondition, type ContextLookup } from './conditions';
import { parsePolicy, type ParsedPolicy, type PolicyKind, type PrincipalSpec, type Statement } from './policy';
import { anyOf, globMatcher, type Matcher } from './wildcard';

export interface EvalPrincipal {
  type: 'root' | 'user' | 'assumed-role' | 'federated' | 'service' | 'anonymous';
  arn: string;
  accountId: string;
  /** Unique id (AIDA…, AROA…:session); services: 'ec2.amazonaws.com'. */
  userId?: string;
}

/** How a resource policy's principal element names the caller: by itself, or only by its account. */
export type PrincipalMatch = 'direct' | 'account' | false;

export interface CompiledStatement {
  readonly policy: CompiledPolicy;
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  matchesAction(actionLower: string): boolean;
  matchesResource(arn: string, ctx: ContextLookup): boolean;
  matchesPrincipal(p: EvalPrincipal): PrincipalMatch;
  readonly conditions: readonly CompiledCondition[];
}

export interface CompiledPolicy {
  /** A name for reports: the policy ARN, `user/NAME/POLICY` for inline ones, or given by the caller. */
  name: string;
  readonly kind: PolicyKind;
  readonly parsed: ParsedPolicy;
  readonly statements: readonly CompiledStatement[];
  /** Statements whose Action/NotAction covers `actionLower` (memoized). */
  forAction(actionLower: string): readonly CompiledStatement[];
}

function resourceMatcher(patterns: readonly string[]): (arn: string, ctx: ContextLookup) => boolean {
  const dynamic = patterns.filter((p) => p.includes('${'));
  const fixed = anyOf(patterns.filter((p) => !p.includes('${')), false);
  const hasFixed = dynamic.length < patterns.length;
  if (dynamic.length === 0) return (arn) => fixed(arn);
  return (arn, ctx) => {
    if (hasFixed && fixed(arn)) return true;
    for (const p of dynamic) {
      const s = substituteVariables(p, ctx);
      if (s !== undefined && globMatcher(s, false)(arn)) return true;
    }
    return false;
  };
}

const roleOfSession = (arn: string): string | undefined => {
  const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  return m ? `${m[1]}|${m[2]}|${m[3]}` : undefined;
};
const roleKey = (roleArn: string): string | undefined => {
  const m = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  return m ? `${m[1]}|${m[2]}|${m[3]}` : undefined;
};

function principalMatcher(spec: PrincipalSpec): (p: EvalPrincipal) => PrincipalMatch {
  const direct = new Set(spec.aws.filter((a) => !a.endsWith(':root')));
  const accounts = new Set(spec.aws.filter((a) => a.endsWith(':root')).map((a) => a.split(':')[4]!));
  const roles = new Set(spec.aws.map(roleKey).filter((k): k is string => k !== undefined));
  const services = new Set(spec.service);
  return (p) => {
    if (spec.any) return 'direct';
    if (p.type === 'service') return p.userId !== undefined && services.has(p.userId) ? 'direct' : false;
    if (direct.has(p.arn)) return 'direct';
    if (p.type === 'assumed-role') {
      const k = roleOfSession(p.arn);
      if (k && roles.has(k)) return 'direct';
    }
    if (accounts.has(p.accountId)) return p.type === 'root' ? 'direct' : 'account';
    return false;
  };
}

function compileStatement(policy: CompiledPolicy, st: Statement, index: number): CompiledStatement {
  const actions = st.action ?? st.notAction!;
  const actionHit = anyOf(actions, true);
  const matchesAction = st.action ? actionHit : (a: string) => !actionHit(a);
  let matchesResource: (arn: string, ctx: ContextLookup) => boolean;
  if (st.resource) matchesResource = resourceMatcher(st.resource);
  else if (st.notResource) {
    const m = resourceMatcher(st.notResource);
    matchesResource = (arn, ctx) => !m(arn, ctx);
  } else matchesResource = () => true; // trust policies: the role itself
  let matchesPrincipal: (p: EvalPrincipal) => PrincipalMatch = () => 'direct';
  if (st.principal) matchesPrincipal = principalMatcher(st.principal);
  else if (st.notPrincipal) {
    const m = principalMatcher(st.notPrincipal);
    matchesPrincipal = (p) => (m(p) ? false : 'direct');
  }
  return {
    policy,
    index,
    sid: st.sid,
    effect: st.effect,
    matchesAction,
    matchesResource,
    matchesPrincipal,
    conditions: st.conditions.map(compileCondition),
  };
}

const MAX_ACTIONS_MEMO = 512;

export function compileParsed(parsed: ParsedPolicy, kind: PolicyKind, name: string): CompiledPolicy {
  const memo = new Map<string, readonly CompiledStatement[]>();
  const policy: CompiledPolicy = {
    name,
    kind,
    parsed,
    statements: [],
    forAction(actionLower) {
      let hit = memo.get(actionLower);
      if (!hit) {
        hit = policy.statements.filter((s) => s.matchesAction(actionLower));
        if (memo.size >= MAX_ACTIONS_MEMO) memo.clear();
        memo.set(actionLower, hit);
      }
      return hit;
    },
  };
  (policy as unknown as { statements: CompiledStatement[] }).statements = parsed.statements.map((s, i) => compileStatement(policy, s, i));
  return policy;
}

const cache = new Map<string, CompiledPolicy>();
const MAX_CACHE = 4096;

/**
 * Compiles a stored (already validated) document, cached by kind + text: the same managed policy
 * version attached to many principals compiles once. Throws PolicyError on a malformed document.
 */
export function compilePolicy(text: string, kind: PolicyKind, name = 'policy'): CompiledPolicy {
  const key = `${kind}\0${name}\0${text}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = compileParsed(parsePolicy(text, kind), kind, name);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

export type { Matcher };
