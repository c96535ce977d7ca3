/** The policy simulator: the authorizer's evaluator, run over named policies and a given context. */
import type { Ctx } from '../../core/provider';
import { compileParsed, type CompiledPolicy, type EvalPrincipal } from '../../iam/compile';
import { contextFrom, evaluate, type ContextValue, type EvalResult, type MatchedStatement } from '../../iam/evaluate';
import { parsePolicy, PolicyError } from '../../iam/policy';
import { invalidInput, malformedPolicyDocument } from './errors';

export interface ContextEntry {
  ContextKeyName: string;
  ContextKeyValues: string[];
  ContextKeyType?: string;
}

const DECISION: Record<EvalResult['decision'], string> = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' };

/** Compiles a policy given to the simulator; malformed ones answer MalformedPolicyDocument. */
export function simulatorPolicy(document: string, kind: 'identity' | 'resource', name: string): CompiledPolicy {
  try {
    return compileParsed(parsePolicy(document, kind), kind, name);
  } catch (e) {
    if (e instanceof PolicyError) throw malformedPolicyDocument(e.message);
    throw e;
  }
}

function sourceOf(m: MatchedStatement): { SourcePolicyId: string; SourcePolicyType: string } {
  if (m.source === 'resource') return { SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'resource' };
  const inline = /^(user|group|role)\/[^/]+\/(.+)$/.exec(m.policy);
  if (inline) return { SourcePolicyId: inline[2]!, SourcePolicyType: inline[1]! };
  if (m.policy.startsWith('arn:aws:iam::aws:policy/')) return { SourcePolicyId: m.policy.slice(m.policy.lastIndexOf('/') + 1), SourcePolicyType: 'aws-managed' };
  if (m.policy.startsWith('arn:')) return { SourcePolicyId: m.policy.slice(m.policy.lastIndexOf('/') + 1), SourcePolicyType: 'user-managed' };
  return { SourcePolicyId: m.policy, SourcePolicyType: 'IAM Policy' };
}

export function simulate(
  ctx: Ctx,
  principal: EvalPrincipal,
  identity: CompiledPolicy[],
  input: { ActionNames: string[]; ResourceArns?: string[]; ContextEntries?: ContextEntry[]; ResourcePolicy?: string; ResourceOwner?: string },
) {
  const context: Record<string, ContextValue> = Object.create(null);
  for (const e of input.ContextEntries ?? []) context[e.ContextKeyName] = e.ContextKeyValues;
  const resourcePolicy = input.ResourcePolicy ? [simulatorPolicy(input.ResourcePolicy, 'resource', 'ResourcePolicy')] : undefined;
  const resources = input.ResourceArns && input.ResourceArns.length > 0 ? input.ResourceArns : ['*'];
  for (const a of input.ActionNames) if (!a.includes(':')) throw invalidInput(`Actions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.: ${a}`);
  const results = [];
  for (const action of input.ActionNames) {
    for (const resource of resources) {
      const r = evaluate(
        { action, resource, principal, resourceAccountId: input.ResourceOwner?.split(':')[4] || undefined, context: contextFrom(context) },
        { identity, resource: resourcePolicy },
      );
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: DECISION[r.decision],
        MatchedStatements: r.matched.map(sourceOf),
        MissingContextValues: [],
      });
    }
  }
  return { EvaluationResults: results, IsTruncated: false };
}
