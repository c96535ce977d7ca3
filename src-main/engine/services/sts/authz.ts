/** What the authorizer reads from STS: session facts, and role trust policies as resource policies. */
import type { Store } from '../../store/store';
import { compilePolicy } from '../../iam/compile';
import type { ResourcePolicy, SessionFacts } from '../../iam/hooks';
import { findSession } from './sessions';
import { roleByArn } from '../iam/api';

export function sessionFacts(store: Store, accessKeyId: string): SessionFacts | undefined {
  const s = findSession(store, accessKeyId);
  if (!s) return undefined;
  return {
    mfaAuthenticated: s.mfa === 1,
    issuedAt: s.issued_at,
    sessionPolicies: s.session_policy ? [compilePolicy(s.session_policy, 'identity', 'session-policy')] : undefined,
    instanceId: s.instance_id ?? undefined,
  };
}

/** The trust policy of the role an sts:AssumeRole call names. */
export function trustPolicy(store: Store, roleArn: string): ResourcePolicy | undefined {
  const role = roleByArn(store, roleArn);
  return role ? { policy: compilePolicy(role.trust_policy, 'trust', `${role.arn}/trust-policy`), accountId: role.account_id } : undefined;
}
