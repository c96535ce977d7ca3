/** Attach/Detach/ListAttached for users, groups and roles: one implementation, three entity kinds. */
import type { Ctx } from '../../core/provider';
import { limitExceeded, noSuchPolicy, notAttachable } from './errors';
import { paginate, requireEntity } from './state/entities';
import { attach, attachedPolicyArns, detach, findPolicy, type AttachKind } from './state/policies';

/** AWS's default quota of managed policies per user, group or role. */
export const MAX_POLICIES_PER_ENTITY = 10;
export const MAX_POLICY_VERSIONS = 5;

const QUOTA_NAME: Record<AttachKind, string> = { user: 'PoliciesPerUser', group: 'PoliciesPerGroup', role: 'PoliciesPerRole' };

export function attachPolicy(ctx: Ctx, kind: AttachKind, name: string, arn: string): Record<string, never> {
  const entity = requireEntity(ctx, kind, name);
  if (!findPolicy(ctx.store, ctx.accountId, arn)) throw notAttachable(arn);
  const current = attachedPolicyArns(ctx.store, entity.id);
  if (!current.includes(arn) && current.length >= MAX_POLICIES_PER_ENTITY)
    throw limitExceeded(`Cannot exceed quota for ${QUOTA_NAME[kind]}: ${MAX_POLICIES_PER_ENTITY}`);
  attach(ctx.store, ctx.accountId, entity.id, kind, arn);
  return {};
}

export function detachPolicy(ctx: Ctx, kind: AttachKind, name: string, arn: string): Record<string, never> {
  const entity = requireEntity(ctx, kind, name);
  if (!detach(ctx.store, entity.id, arn)) throw noSuchPolicy(arn);
  return {};
}

export function listAttached(ctx: Ctx, kind: AttachKind, name: string, input: { PathPrefix?: string; Marker?: string; MaxItems?: number }) {
  const entity = requireEntity(ctx, kind, name);
  const policies = attachedPolicyArns(ctx.store, entity.id)
    .map((arn) => findPolicy(ctx.store, ctx.accountId, arn))
    .filter((p) => p !== undefined && p.path.startsWith(input.PathPrefix ?? '/'))
    .map((p) => ({ PolicyName: p!.name, PolicyArn: p!.arn }))
    .sort((a, b) => a.PolicyName.localeCompare(b.PolicyName));
  const { page, IsTruncated, Marker } = paginate(policies, input.Marker, input.MaxItems);
  return { AttachedPolicies: page, IsTruncated, Marker };
}
