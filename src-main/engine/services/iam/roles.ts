/** Role creation shared by CreateRole and CreateServiceLinkedRole. */
import type { Ctx } from '../../core/provider';
import { awsUniqueId } from '../../ids';
import { constraintViolation, entityAlreadyExists, limitExceeded, malformedPolicyDocument } from './errors';
import { checkName, checkPath, checkTags, policySize } from './names';
import { entityArn, findEntity, setTags, type RoleRow } from './state/entities';
import { checkDocument } from './state/policies';
import { parsePolicy } from '../../iam/policy';

export const MAX_TRUST_POLICY_SIZE = 2048;

/** Trust policies: the grammar, then every AWS principal that names a user or role must exist. */
export function checkTrustPolicy(ctx: Ctx, document: string): void {
  checkDocument(document, 'trust');
  if (policySize(document) > MAX_TRUST_POLICY_SIZE) throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${MAX_TRUST_POLICY_SIZE}`);
  for (const s of parsePolicy(document, 'trust').statements) {
    for (const arn of [...(s.principal?.aws ?? []), ...(s.notPrincipal?.aws ?? [])]) {
      const m = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
      if (m && m[1] === ctx.accountId && !findEntity(ctx.store, ctx.accountId, m[2] as 'user' | 'role', m[3]!))
        throw malformedPolicyDocument(`Invalid principal in policy: "AWS":"${arn}"`);
    }
  }
}

export function checkMaxSessionDuration(value: number | undefined): number {
  const v = value ?? 3600;
  if (v < 3600 || v > 43200) throw constraintViolation(String(v), 'maxSessionDuration', 'Member must have value less than or equal to 43200');
  return v;
}

export function insertRole(
  ctx: Ctx,
  r: { name: string; path?: string; trustPolicy: string; description?: string; maxSessionDuration?: number; tags?: { Key: string; Value: string }[] },
): RoleRow {
  checkName(r.name, 'roleName');
  const path = checkPath(r.path);
  checkTags(r.tags);
  const max = checkMaxSessionDuration(r.maxSessionDuration);
  if (findEntity(ctx.store, ctx.accountId, 'role', r.name)) throw entityAlreadyExists(`Role with name ${r.name} already exists.`);
  checkTrustPolicy(ctx, r.trustPolicy);
  const role: RoleRow = {
    account_id: ctx.accountId,
    id: awsUniqueId('AROA'),
    name: r.name,
    name_lower: r.name.toLowerCase(),
    path,
    arn: entityArn(ctx.accountId, 'role', path, r.name),
    created_at: ctx.clock.now(),
    trust_policy: r.trustPolicy,
    description: r.description ?? null,
    max_session_duration: max,
    last_used: null,
    last_used_region: null,
  };
  ctx.store
    .stmt(
      `INSERT INTO iam_roles (account_id, id, name, name_lower, path, arn, trust_policy, description, max_session_duration, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(role.account_id, role.id, role.name, role.name_lower, role.path, role.arn, role.trust_policy, role.description, role.max_session_duration, role.created_at);
  setTags(ctx.store, role.id, r.tags);
  return role;
}
