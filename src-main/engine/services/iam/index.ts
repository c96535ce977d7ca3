/**
 * The IAM provider. IAM is global: every table is scoped by account only. Every handler that writes
 * bumps the account's IAM generation (wrapped once here), so the authorizer's cache of effective
 * policies never outlives a change. Exports for STS: role lookup, MFA code checks.
 */
import type { Handler, HandlersOf } from '../../core/provider';
import { defineService, isStreaming } from '../../core/provider';
import { iamProviders } from './cloudformation';
import { iamIamTable } from './iam-table';
import { iamInventory } from './inventory';
import { useServiceTables } from './state/actions';
import { iamMigrations } from './migrations';
import { bumpGeneration } from './state/generation';
import { AddRoleToInstanceProfile } from './AddRoleToInstanceProfile';
import { AddUserToGroup } from './AddUserToGroup';
import { AttachGroupPolicy } from './AttachGroupPolicy';
import { AttachRolePolicy } from './AttachRolePolicy';
import { AttachUserPolicy } from './AttachUserPolicy';
import { CreateAccessKey } from './CreateAccessKey';
import { CreateAccountAlias } from './CreateAccountAlias';
import { CreateGroup } from './CreateGroup';
import { CreateInstanceProfile } from './CreateInstanceProfile';
import { CreateLoginProfile } from './CreateLoginProfile';
import { CreatePolicy } from './CreatePolicy';
import { CreatePolicyVersion } from './CreatePolicyVersion';
import { CreateRole } from './CreateRole';
import { CreateServiceLinkedRole } from './CreateServiceLinkedRole';
import { CreateUser } from './CreateUser';
import { CreateVirtualMFADevice } from './CreateVirtualMFADevice';
import { DeactivateMFADevice } from './DeactivateMFADevice';
import { DeleteAccessKey } from './DeleteAccessKey';
import { DeleteAccountAlias } from './DeleteAccountAlias';
import { DeleteAccountPasswordPolicy } from './DeleteAccountPasswordPolicy';
import { DeleteGroup } from './DeleteGroup';
import { DeleteGroupPolicy } from './DeleteGroupPolicy';
import { DeleteInstanceProfile } from './DeleteInstanceProfile';
import { DeleteLoginProfile } from './DeleteLoginProfile';
import { DeletePolicy } from './DeletePolicy';
import { DeletePolicyVersion } from './DeletePolicyVersion';
import { DeleteRole } from './DeleteRole';
import { DeleteRolePolicy } from './DeleteRolePolicy';
import { DeleteServiceLinkedRole } from './DeleteServiceLinkedRole';
import { DeleteUser } from './DeleteUser';
import { DeleteUserPolicy } from './DeleteUserPolicy';
import { DeleteVirtualMFADevice } from './DeleteVirtualMFADevice';
import { DetachGroupPolicy } from './DetachGroupPolicy';
import { DetachRolePolicy } from './DetachRolePolicy';
import { DetachUserPolicy } from './DetachUserPolicy';
import { EnableMFADevice } from './EnableMFADevice';
import { GetAccessKeyLastUsed } from './GetAccessKeyLastUsed';
import { GetAccountPasswordPolicy } from './GetAccountPasswordPolicy';
import { GetAccountSummary } from './GetAccountSummary';
import { GetGroup } from './GetGroup';
import { GetGroupPolicy } from './GetGroupPolicy';
import { GetInstanceProfile } from './GetInstanceProfile';
import { GetLoginProfile } from './GetLoginProfile';
import { GetPolicy } from './GetPolicy';
import { GetPolicyVersion } from './GetPolicyVersion';
import { GetRole } from './GetRole';
import { GetRolePolicy } from './GetRolePolicy';
import { GetUser } from './GetUser';
import { GetUserPolicy } from './GetUserPolicy';
import { ListAccessKeys } from './ListAccessKeys';
import { ListAccountAliases } from './ListAccountAliases';
import { ListAttachedGroupPolicies } from './ListAttachedGroupPolicies';
import { ListAttachedRolePolicies } from './ListAttachedRolePolicies';
import { ListAttachedUserPolicies } from './ListAttachedUserPolicies';
import { ListEntitiesForPolicy } from './ListEntitiesForPolicy';
import { ListGroupPolicies } from './ListGroupPolicies';
import { ListGroups } from './ListGroups';
import { ListGroupsForUser } from './ListGroupsForUser';
import { ListInstanceProfiles } from './ListInstanceProfiles';
import { ListInstanceProfilesForRole } from './ListInstanceProfilesForRole';
import { ListMFADevices } from './ListMFADevices';
import { ListPolicies } from './ListPolicies';
import { ListPolicyVersions } from './ListPolicyVersions';
import { ListRolePolicies } from './ListRolePolicies';
import { ListRoleTags } from './ListRoleTags';
import { ListRoles } from './ListRoles';
import { ListUserPolicies } from './ListUserPolicies';
import { ListUserTags } from './ListUserTags';
import { ListUsers } from './ListUsers';
import { ListVirtualMFADevices } from './ListVirtualMFADevices';
import { PutGroupPolicy } from './PutGroupPolicy';
import { PutRolePolicy } from './PutRolePolicy';
import { PutUserPolicy } from './PutUserPolicy';
import { RemoveRoleFromInstanceProfile } from './RemoveRoleFromInstanceProfile';
import { RemoveUserFromGroup } from './RemoveUserFromGroup';
import { SetDefaultPolicyVersion } from './SetDefaultPolicyVersion';
import { SimulateCustomPolicy } from './SimulateCustomPolicy';
import { SimulatePrincipalPolicy } from './SimulatePrincipalPolicy';
import { TagRole } from './TagRole';
import { TagUser } from './TagUser';
import { UntagRole } from './UntagRole';
import { UntagUser } from './UntagUser';
import { UpdateAccessKey } from './UpdateAccessKey';
import { UpdateAccountPasswordPolicy } from './UpdateAccountPasswordPolicy';
import { UpdateAssumeRolePolicy } from './UpdateAssumeRolePolicy';
import { UpdateLoginProfile } from './UpdateLoginProfile';
import { UpdateRole } from './UpdateRole';
import { UpdateUser } from './UpdateUser';

const handlers: HandlersOf<'iam'> = {
  AddRoleToInstanceProfile,
  AddUserToGroup,
  AttachGroupPolicy,
  AttachRolePolicy,
  AttachUserPolicy,
  CreateAccessKey,
  CreateAccountAlias,
  CreateGroup,
  CreateInstanceProfile,
  CreateLoginProfile,
  CreatePolicy,
  CreatePolicyVersion,
  CreateRole,
  CreateServiceLinkedRole,
  CreateUser,
  CreateVirtualMFADevice,
  DeactivateMFADevice,
  DeleteAccessKey,
  DeleteAccountAlias,
  DeleteAccountPasswordPolicy,
  DeleteGroup,
  DeleteGroupPolicy,
  DeleteInstanceProfile,
  DeleteLoginProfile,
  DeletePolicy,
  DeletePolicyVersion,
  DeleteRole,
  DeleteRolePolicy,
  DeleteServiceLinkedRole,
  DeleteUser,
  DeleteUserPolicy,
  DeleteVirtualMFADevice,
  DetachGroupPolicy,
  DetachRolePolicy,
  DetachUserPolicy,
  EnableMFADevice,
  GetAccessKeyLastUsed,
  GetAccountPasswordPolicy,
  GetAccountSummary,
  GetGroup,
  GetGroupPolicy,
  GetInstanceProfile,
  GetLoginProfile,
  GetPolicy,
  GetPolicyVersion,
  GetRole,
  GetRolePolicy,
  GetUser,
  GetUserPolicy,
  ListAccessKeys,
  ListAccountAliases,
  ListAttachedGroupPolicies,
  ListAttachedRolePolicies,
  ListAttachedUserPolicies,
  ListEntitiesForPolicy,
  ListGroupPolicies,
  ListGroups,
  ListGroupsForUser,
  ListInstanceProfiles,
  ListInstanceProfilesForRole,
  ListMFADevices,
  ListPolicies,
  ListPolicyVersions,
  ListRolePolicies,
  ListRoleTags,
  ListRoles,
  ListUserPolicies,
  ListUserTags,
  ListUsers,
  ListVirtualMFADevices,
  PutGroupPolicy,
  PutRolePolicy,
  PutUserPolicy,
  RemoveRoleFromInstanceProfile,
  RemoveUserFromGroup,
  SetDefaultPolicyVersion,
  SimulateCustomPolicy,
  SimulatePrincipalPolicy,
  TagRole,
  TagUser,
  UntagRole,
  UntagUser,
  UpdateAccessKey,
  UpdateAccountPasswordPolicy,
  UpdateAssumeRolePolicy,
  UpdateLoginProfile,
  UpdateRole,
  UpdateUser,
};

const READ_ONLY = /^(Get|List|Simulate|Generate)/;

function bumping(handlers: HandlersOf<'iam'>): HandlersOf<'iam'> {
  const out: Record<string, Handler> = {};
  for (const [name, h] of Object.entries(handlers) as [string, Handler][]) {
    if (READ_ONLY.test(name) || isStreaming(h)) out[name] = h;
    else
      out[name] = (ctx, input) => {
        const result = (h as (c: typeof ctx, i: typeof input) => unknown)(ctx, input);
        bumpGeneration(ctx.store, ctx.accountId);
        return result;
      };
  }
  return out;
}

export const iamProvider = defineService({
  service: 'iam',
  migrations: iamMigrations,
  handlers: bumping(handlers),
  // Policy validation knows every service's IAM-only action names (s3:ListBucket) from the manifests.
  start: ({ manifests }) => {
    if (manifests) useServiceTables(Object.fromEntries(manifests.map((m) => [m.service, m.iam])));
  },
  iam: iamIamTable,
  cloudformation: iamProviders,
  inventory: iamInventory,
});

// Other services use ./api (roles, MFA checks, action names); IAM's state stays inside this folder.
