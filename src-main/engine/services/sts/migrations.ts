import type { Migration } from '../../store/store';

/**
 * STS sessions: facts about temporary credentials that the access key row does not carry (MFA,
 * session policy, the instance of an instance-profile session). The key itself is a row of the
 * core `access_keys` table (ASIA…, with session_token and expires_at), where SigV4 finds it.
 * Scope: account.
 */
export const stsMigrations: Migration[] = [
  {
    scope: 'sts',
    version: 1,
    name: 'sessions',
    up: `
      CREATE TABLE sts_sessions (
        access_key_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        mfa INTEGER NOT NULL,
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        role_id TEXT,
        session_policy TEXT,
        instance_id TEXT
      );
      CREATE INDEX sts_sessions_by_instance ON sts_sessions (account_id, instance_id, role_id, expires_at);
    `,
  },
];
