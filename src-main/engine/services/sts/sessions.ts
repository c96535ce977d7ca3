/** Issuing temporary credentials: an ASIA… key in `access_keys` plus its row in `sts_sessions`. */
import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/store';
import { awsUniqueId, secretAccessKey } from '../../ids';
import type { Principal } from '../../protocol/types';

export interface IssuedCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: Date;
}

export interface SessionSpec {
  principal: Pick<Principal, 'type' | 'arn' | 'userId' | 'accountId'>;
  now: number;
  durationSeconds: number;
  mfa: boolean;
  roleId?: string;
  sessionPolicy?: string;
  instanceId?: string;
}

/** Looks like AWS's tokens (long base64); only its equality with the stored one matters. */
const sessionToken = (): string => `IQoJb3JpZ2luX2VjE${randomBytes(240).toString('base64')}`;

export function issueSession(store: Store, spec: SessionSpec): IssuedCredentials {
  // Expired sessions of the account go when new ones are issued: nothing else reads them.
  const expired = store.stmt('SELECT access_key_id FROM sts_sessions WHERE account_id = ? AND expires_at < ?').all(spec.principal.accountId, spec.now - 86_400_000) as {
    access_key_id: string;
  }[];
  for (const e of expired) {
    store.stmt('DELETE FROM access_keys WHERE access_key_id = ?').run(e.access_key_id);
    store.stmt('DELETE FROM sts_sessions WHERE access_key_id = ?').run(e.access_key_id);
  }
  const creds: IssuedCredentials = {
    AccessKeyId: awsUniqueId('ASIA'),
    SecretAccessKey: secretAccessKey(),
    SessionToken: sessionToken(),
    Expiration: new Date(Math.floor(spec.now / 1000) * 1000 + spec.durationSeconds * 1000),
  };
  const p = spec.principal;
  store
    .stmt(
      `INSERT INTO access_keys (access_key_id, secret_access_key, account_id, principal_type, principal_arn, user_id, session_token, status, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'Active', ?, ?)`,
    )
    .run(creds.AccessKeyId, creds.SecretAccessKey, p.accountId, p.type, p.arn, p.userId, creds.SessionToken, spec.now, creds.Expiration.getTime());
  store
    .stmt('INSERT INTO sts_sessions (access_key_id, account_id, mfa, issued_at, expires_at, role_id, session_policy, instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(creds.AccessKeyId, p.accountId, spec.mfa ? 1 : 0, spec.now, creds.Expiration.getTime(), spec.roleId ?? null, spec.sessionPolicy ?? null, spec.instanceId ?? null);
  return creds;
}

export interface SessionRow {
  access_key_id: string;
  account_id: string;
  mfa: number;
  issued_at: number;
  expires_at: number;
  role_id: string | null;
  session_policy: string | null;
  instance_id: string | null;
}

export const findSession = (store: Store, accessKeyId: string): SessionRow | undefined =>
  store.stmt('SELECT * FROM sts_sessions WHERE access_key_id = ?').get(accessKeyId) as SessionRow | undefined;
