/**
 * What other services may ask IAM in-process (inside their own transaction): the roles they take
 * on (STS, Lambda, instance profiles), MFA checks, the action names policies may use, and the
 * authorizer's identity source. Everything else of IAM (its rows, tables, generations) stays
 * inside services/iam; a service that needs more asks through call().
 */
import type { Store } from '../../store/store';
import { findEntity, type RoleRow } from './state/entities';
import { findDevice, verifyDeviceCode } from './state/mfa';

export { iamIdentitySource } from './authz';
export { knownActions } from './state/actions';

/** A role as other services see it (read-only). */
export type IamRole = Readonly<Pick<RoleRow, 'id' | 'account_id' | 'name' | 'path' | 'arn' | 'trust_policy' | 'max_session_duration'>>;

const view = (r: RoleRow | undefined): IamRole | undefined =>
  r && { id: r.id, account_id: r.account_id, name: r.name, path: r.path, arn: r.arn, trust_policy: r.trust_policy, max_session_duration: r.max_session_duration };

export const roleByName = (store: Store, accountId: string, name: string): IamRole | undefined => view(findEntity<RoleRow>(store, accountId, 'role', name));

/** `arn:aws:iam::ACCOUNT:role/PATH/NAME` → the role, when it exists with that path. */
export function roleByArn(store: Store, arn: string): IamRole | undefined {
  const m = /^arn:aws:iam::(\d{12}):role(\/(?:.*\/)?)([^/]+)$/.exec(arn);
  if (!m) return undefined;
  const role = roleByName(store, m[1]!, m[3]!);
  return role && role.arn === arn ? role : undefined;
}

/** The role an instance profile holds (an instance's credentials), if the profile exists in the account. */
export function roleOfInstanceProfile(store: Store, accountId: string, profileArn: string): IamRole | undefined {
  const profile = store.stmt('SELECT id FROM iam_instance_profiles WHERE arn = ? AND account_id = ?').get(profileArn, accountId) as { id: string } | undefined;
  if (!profile) return undefined;
  return view(store.stmt('SELECT r.* FROM iam_roles r JOIN iam_instance_profile_roles x ON x.role_id = r.id WHERE x.profile_id = ?').get(profile.id) as RoleRow | undefined);
}

/**
 * Whether CODE is the current one-time code of the MFA device SERIAL owned by OWNER (a user id, or
 * 'root'); a code is accepted once (the device remembers its last step).
 */
export function mfaCodeValid(store: Store, serial: string, owner: string, code: string, now: number): boolean {
  const device = findDevice(store, serial);
  return !!device && device.user_id === owner && verifyDeviceCode(store, device, code, now);
}
