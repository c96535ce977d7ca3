/** Wire forms of IAM entities. */
import type { Store } from '../../store/store';
import { tagsOutput, type EntityRow, type RoleRow } from './state/entities';

export const userOutput = (store: Store, u: EntityRow & { password_last_used?: number | null }, withTags = false) => ({
  Path: u.path,
  UserName: u.name,
  UserId: u.id,
  Arn: u.arn,
  CreateDate: new Date(u.created_at),
  PasswordLastUsed: u.password_last_used ? new Date(u.password_last_used) : undefined,
  Tags: withTags ? tagsOutput(store, u.id) : undefined,
});

export const groupOutput = (g: EntityRow) => ({ Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn, CreateDate: new Date(g.created_at) });

export const roleOutput = (store: Store, r: RoleRow, withDetails = false) => ({
  Path: r.path,
  RoleName: r.name,
  RoleId: r.id,
  Arn: r.arn,
  CreateDate: new Date(r.created_at),
  AssumeRolePolicyDocument: encodeURIComponent(r.trust_policy),
  Description: r.description ?? undefined,
  MaxSessionDuration: r.max_session_duration,
  Tags: withDetails ? tagsOutput(store, r.id) : undefined,
  RoleLastUsed: withDetails ? (r.last_used ? { LastUsedDate: new Date(r.last_used), Region: r.last_used_region ?? undefined } : {}) : undefined,
});

export const instanceProfileOutput = (store: Store, p: EntityRow) => ({
  Path: p.path,
  InstanceProfileName: p.name,
  InstanceProfileId: p.id,
  Arn: p.arn,
  CreateDate: new Date(p.created_at),
  Roles: (store.stmt('SELECT r.* FROM iam_roles r JOIN iam_instance_profile_roles x ON x.role_id = r.id WHERE x.profile_id = ?').all(p.id) as RoleRow[]).map(
    (r) => roleOutput(store, r),
  ),
});
