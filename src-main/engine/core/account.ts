/**
 * The lab's one AWS account: a 12-digit id and the root user's access key, made on first start and
 * kept in the store.
 */
import { accountId as newAccountId, awsUniqueId, secretAccessKey } from '../ids';
import type { Principal } from '../protocol/types';
import type { Store } from '../store/store';

export interface LabAccount {
  accountId: string;
  rootAccessKeyId: string;
  rootSecretAccessKey: string;
  root: Principal;
}

export interface AccessKeyRecord {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  status: string;
  expiresAt?: number;
  principal: Principal;
}

export const rootPrincipal = (accountId: string, accessKeyId?: string): Principal => ({
  type: 'root',
  accountId,
  arn: `arn:aws:iam::${accountId}:root`,
  userId: accountId,
  accessKeyId,
});

/** The principal CloudFormation, Auto Scaling and friends act as when they call other services. */
export const servicePrincipal = (accountId: string, service: string): Principal => ({
  type: 'service',
  accountId,
  arn: `arn:aws:iam::${accountId}:role/aws-service-role/${service}.amazonaws.com`,
  userId: `${service}.amazonaws.com`,
});

const getMeta = (store: Store, key: string): string | undefined =>
  (store.stmt('SELECT value FROM lab_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;

export function ensureLabAccount(store: Store, now: number): LabAccount {
  return store.tx(() => {
    let accountId = getMeta(store, 'account_id');
    let akid = getMeta(store, 'root_access_key_id');
    if (!accountId || !akid) {
      accountId = newAccountId();
      akid = awsUniqueId('AKIA');
      const insertMeta = store.stmt('INSERT INTO lab_meta (key, value) VALUES (?, ?)');
      insertMeta.run('account_id', accountId);
      insertMeta.run('root_access_key_id', akid);
      store
        .stmt(
          `INSERT INTO access_keys (access_key_id, secret_access_key, account_id, principal_type, principal_arn, user_id, created_at)
           VALUES (?, ?, ?, 'root', ?, ?, ?)`,
        )
        .run(akid, secretAccessKey(), accountId, `arn:aws:iam::${accountId}:root`, accountId, now);
    }
    const key = lookupAccessKey(store, akid)!;
    return { accountId, rootAccessKeyId: akid, rootSecretAccessKey: key.secretAccessKey, root: rootPrincipal(accountId, akid) };
  });
}

interface AccessKeyRow {
  access_key_id: string;
  secret_access_key: string;
  account_id: string;
  principal_type: Principal['type'];
  principal_arn: string;
  user_id: string;
  session_token: string | null;
  status: string;
  expires_at: number | null;
}

/** Credential lookup for SigV4: the secret and the principal behind an access key id. */
export function lookupAccessKey(store: Store, accessKeyId: string): AccessKeyRecord | undefined {
  const row = store.stmt('SELECT * FROM access_keys WHERE access_key_id = ?').get(accessKeyId) as AccessKeyRow | undefined;
  if (!row) return undefined;
  return {
    accessKeyId: row.access_key_id,
    secretAccessKey: row.secret_access_key,
    sessionToken: row.session_token ?? undefined,
    status: row.status,
    expiresAt: row.expires_at ?? undefined,
    principal: {
      type: row.principal_type,
      accountId: row.account_id,
      arn: row.principal_arn,
      userId: row.user_id,
      accessKeyId: row.access_key_id,
      sessionToken: row.session_token ?? undefined,
    },
  };
}
