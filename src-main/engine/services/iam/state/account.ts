/** Account-wide IAM settings: the alias and the password policy. */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../../store/store';
import { passwordPolicyViolation } from '../errors';

export interface PasswordPolicy {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  ExpirePasswords: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

const ensureRow = (store: Store, accountId: string): void => {
  store.stmt('INSERT OR IGNORE INTO iam_account_settings (account_id) VALUES (?)').run(accountId);
};

export const aliasOf = (store: Store, accountId: string): string | undefined =>
  (store.stmt('SELECT alias FROM iam_account_settings WHERE account_id = ?').get(accountId) as { alias: string | null } | undefined)?.alias ?? undefined;

export const aliasOwner = (store: Store, alias: string): string | undefined =>
  (store.stmt('SELECT account_id FROM iam_account_settings WHERE alias = ?').get(alias) as { account_id: string } | undefined)?.account_id;

export function setAlias(store: Store, accountId: string, alias: string | null): void {
  ensureRow(store, accountId);
  store.stmt('UPDATE iam_account_settings SET alias = ? WHERE account_id = ?').run(alias, accountId);
}

export function passwordPolicyOf(store: Store, accountId: string): PasswordPolicy | undefined {
  const row = store.stmt('SELECT password_policy FROM iam_account_settings WHERE account_id = ?').get(accountId) as { password_policy: string | null } | undefined;
  return row?.password_policy ? (JSON.parse(row.password_policy) as PasswordPolicy) : undefined;
}

export function setPasswordPolicy(store: Store, accountId: string, policy: PasswordPolicy | null): void {
  ensureRow(store, accountId);
  store.stmt('UPDATE iam_account_settings SET password_policy = ? WHERE account_id = ?').run(policy ? JSON.stringify(policy) : null, accountId);
}

/**
 * The account's policy, or AWS's default when none is set: at least 8 characters with three of
 * upper case, lower case, digits and symbols.
 */
export function checkPassword(store: Store, accountId: string, password: string): void {
  const policy = passwordPolicyOf(store, accountId);
  const classes = { upper: /[A-Z]/.test(password), lower: /[a-z]/.test(password), digit: /\d/.test(password), symbol: /[^A-Za-z0-9]/.test(password) };
  if (!policy) {
    if (password.length < 8) throw passwordPolicyViolation('Password should have a minimum length of 8');
    if (Object.values(classes).filter(Boolean).length < 3)
      throw passwordPolicyViolation('Password should include at least three of the following: uppercase letters, lowercase letters, numbers and symbols');
    return;
  }
  if (password.length < policy.MinimumPasswordLength) throw passwordPolicyViolation(`Password should have a minimum length of ${policy.MinimumPasswordLength}`);
  if (policy.RequireUppercaseCharacters && !classes.upper) throw passwordPolicyViolation('Password should have at least one uppercase letter');
  if (policy.RequireLowercaseCharacters && !classes.lower) throw passwordPolicyViolation('Password should have at least one lowercase letter');
  if (policy.RequireNumbers && !classes.digit) throw passwordPolicyViolation('Password should have at least one number');
  if (policy.RequireSymbols && !classes.symbol) throw passwordPolicyViolation('Password should have at least one symbol');
}

/** scrypt with a small cost: the lab protects nothing real, but never keeps a password in clear. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32, { N: 1024 }).toString('hex')}`;
}

export function passwordMatches(hash: string, password: string): boolean {
  const [salt, key] = hash.split(':') as [string, string];
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), 32, { N: 1024 });
  return timingSafeEqual(actual, Buffer.from(key, 'hex'));
}
