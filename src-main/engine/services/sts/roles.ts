/** Roles as STS sees them, read through IAM's exports. */
import type { Store } from '../../store/store';
import { findEntity, type RoleRow } from '../iam';

/** `arn:aws:iam::ACCOUNT:role/PATH/NAME` → the role, when it exists with that path. */
export function roleByArn(store: Store, arn: string): RoleRow | undefined {
  const m = /^arn:aws:iam::(\d{12}):role(\/(?:.*\/)?)([^/]+)$/.exec(arn);
  if (!m) return undefined;
  const role = findEntity<RoleRow>(store, m[1]!, 'role', m[3]!);
  return role && role.arn === arn ? role : undefined;
}
