import type { Ctx } from '../../core/provider';
import { MAX_KEYS_PER_USER } from './CreateAccessKey';
import { MAX_GROUPS_PER_USER } from './AddUserToGroup';
import { MAX_POLICIES_PER_ENTITY, MAX_POLICY_VERSIONS } from './AttachUserPolicy';

const count = (ctx: Ctx, sql: string): number => (ctx.store.stmt(sql).get(ctx.accountId) as { n: number }).n;

/** The usage counters and quotas the console's IAM dashboard shows. */
export const GetAccountSummary = (ctx: Ctx, _input: Record<string, never>) => {
  const map = new Map<string, number>([
    ['Users', count(ctx, 'SELECT count(*) AS n FROM iam_users WHERE account_id = ?')],
    ['UsersQuota', 5000],
    ['Groups', count(ctx, 'SELECT count(*) AS n FROM iam_groups WHERE account_id = ?')],
    ['GroupsQuota', 300],
    ['Roles', count(ctx, 'SELECT count(*) AS n FROM iam_roles WHERE account_id = ?')],
    ['RolesQuota', 1000],
    ['InstanceProfiles', count(ctx, 'SELECT count(*) AS n FROM iam_instance_profiles WHERE account_id = ?')],
    ['InstanceProfilesQuota', 1000],
    ['Policies', count(ctx, 'SELECT count(*) AS n FROM iam_policies WHERE account_id = ?')],
    ['PoliciesQuota', 1500],
    ['PolicyVersionsInUse', count(ctx, 'SELECT count(*) AS n FROM iam_attachments WHERE account_id = ?')],
    ['PolicyVersionsInUseQuota', 10000],
    ['VersionsPerPolicyQuota', MAX_POLICY_VERSIONS],
    ['PolicySizeQuota', 6144],
    ['AttachedPoliciesPerUserQuota', MAX_POLICIES_PER_ENTITY],
    ['AttachedPoliciesPerGroupQuota', MAX_POLICIES_PER_ENTITY],
    ['AttachedPoliciesPerRoleQuota', MAX_POLICIES_PER_ENTITY],
    ['GroupsPerUserQuota', MAX_GROUPS_PER_USER],
    ['AccessKeysPerUserQuota', MAX_KEYS_PER_USER],
    ['UserPolicySizeQuota', 2048],
    ['GroupPolicySizeQuota', 5120],
    ['MFADevices', count(ctx, 'SELECT count(*) AS n FROM iam_mfa_devices WHERE account_id = ?')],
    ['MFADevicesInUse', count(ctx, 'SELECT count(*) AS n FROM iam_mfa_devices WHERE account_id = ? AND user_id IS NOT NULL')],
    ['AccountMFAEnabled', count(ctx, "SELECT count(*) AS n FROM iam_mfa_devices WHERE account_id = ? AND user_id = 'root'") > 0 ? 1 : 0],
    ['AccountAccessKeysPresent', 1],
    ['AccountSigningCertificatesPresent', 0],
    ['ServerCertificates', 0],
    ['ServerCertificatesQuota', 20],
    ['SigningCertificatesPerUserQuota', 2],
    ['ProvidersQuota', 100],
    ['Providers', 0],
    ['GlobalEndpointTokenVersion', 1],
  ]);
  return { SummaryMap: Object.fromEntries(map) };
};
