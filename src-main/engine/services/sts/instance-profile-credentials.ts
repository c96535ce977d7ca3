/**
 * Credentials of an instance profile's role for the instance metadata service (the guest's
 * 169.254.169.254/latest/meta-data/iam/security-credentials/ROLE). The role session is named after
 * the instance; credentials last 6 hours and are renewed once they are within 5 minutes of expiry,
 * so the guest sees the same key for most of its life, as on EC2.
 */
import type { Clock } from '../../clock/clock';
import type { Store } from '../../store/store';
import { roleByName, roleOfInstanceProfile, type IamRole } from '../iam/api';
import { issueSession } from './sessions';

export const INSTANCE_CREDENTIALS_SECONDS = 6 * 3600;
export const RENEW_BEFORE_MS = 5 * 60 * 1000;

export interface InstanceCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  Token: string;
  /** ISO 8601, as the metadata service prints it. */
  Expiration: string;
  RoleName: string;
  RoleArn: string;
}

export function issueInstanceProfileCredentials(
  store: Store,
  clock: Clock,
  opts: { accountId: string; instanceProfileArn?: string; roleName?: string; instanceId: string },
): InstanceCredentials | undefined {
  let role: IamRole | undefined;
  if (opts.instanceProfileArn) role = roleOfInstanceProfile(store, opts.accountId, opts.instanceProfileArn);
  else if (opts.roleName) role = roleByName(store, opts.accountId, opts.roleName);
  if (!role) return undefined;
  const now = clock.now();
  const current = store
    .stmt(
      `SELECT k.access_key_id, k.secret_access_key, k.session_token, k.expires_at FROM sts_sessions s JOIN access_keys k ON k.access_key_id = s.access_key_id
       WHERE s.account_id = ? AND s.instance_id = ? AND s.role_id = ? AND s.expires_at > ? ORDER BY s.expires_at DESC LIMIT 1`,
    )
    .get(opts.accountId, opts.instanceId, role.id, now + RENEW_BEFORE_MS) as
    | { access_key_id: string; secret_access_key: string; session_token: string; expires_at: number }
    | undefined;
  const out = (id: string, secret: string, token: string, expires: number): InstanceCredentials => ({
    AccessKeyId: id,
    SecretAccessKey: secret,
    Token: token,
    Expiration: new Date(expires).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    RoleName: role.name,
    RoleArn: role.arn,
  });
  if (current) return out(current.access_key_id, current.secret_access_key, current.session_token, current.expires_at);
  const creds = store.tx(() =>
    issueSession(store, {
      principal: { type: 'assumed-role', arn: `arn:aws:sts::${opts.accountId}:assumed-role/${role.name}/${opts.instanceId}`, userId: `${role.id}:${opts.instanceId}`, accountId: opts.accountId },
      now,
      durationSeconds: INSTANCE_CREDENTIALS_SECONDS,
      mfa: false,
      roleId: role.id,
      instanceId: opts.instanceId,
    }),
  );
  return out(creds.AccessKeyId, creds.SecretAccessKey, creds.SessionToken, creds.Expiration.getTime());
}
