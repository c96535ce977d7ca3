/**
 * The IAM pages' calls, each an AWS operation through the contract (useAws). IAM is global, so the
 * learner's region doesn't matter. `deleteUser` does what IAM's console does before DeleteUser:
 * removes the user's access keys, password, policies and group memberships (else DeleteConflict).
 */
import type { JsonObject } from '../../../src-main/contract';
import { useAws } from '../../composables/useAws';

export interface IamUser {
  UserName: string;
  UserId: string;
  Arn: string;
  CreateDate?: string;
}
export interface IamGroup {
  GroupName: string;
  GroupId: string;
  Arn: string;
  CreateDate?: string;
}
export interface AccessKey {
  UserName: string;
  AccessKeyId: string;
  SecretAccessKey: string;
}

export function useIam() {
  const aws = useAws();
  const iam = <T = JsonObject>(operation: string, input: object = {}) =>
    aws.call('iam', operation, input as JsonObject) as Promise<T>;

  async function deleteUser(UserName: string): Promise<void> {
    const keys = await iam<{ AccessKeyMetadata?: { AccessKeyId: string }[] }>('ListAccessKeys', { UserName });
    for (const k of keys.AccessKeyMetadata ?? []) await iam('DeleteAccessKey', { UserName, AccessKeyId: k.AccessKeyId });
    const attached = await iam<{ AttachedPolicies?: { PolicyArn: string }[] }>('ListAttachedUserPolicies', { UserName });
    for (const p of attached.AttachedPolicies ?? []) await iam('DetachUserPolicy', { UserName, PolicyArn: p.PolicyArn });
    const inline = await iam<{ PolicyNames?: string[] }>('ListUserPolicies', { UserName });
    for (const PolicyName of inline.PolicyNames ?? []) await iam('DeleteUserPolicy', { UserName, PolicyName });
    const groups = await iam<{ Groups?: IamGroup[] }>('ListGroupsForUser', { UserName });
    for (const g of groups.Groups ?? []) await iam('RemoveUserFromGroup', { UserName, GroupName: g.GroupName });
    // A user without a console password answers NoSuchEntity here: nothing to remove.
    await iam('DeleteLoginProfile', { UserName }).catch(() => undefined);
    await iam('DeleteUser', { UserName });
  }

  return { ...aws, iam, deleteUser };
}

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The .csv IAM's console offers when an access key is created, with AWS's column names. */
export function accessKeyCsv(key: Pick<AccessKey, 'AccessKeyId' | 'SecretAccessKey'>): string {
  return `Access key ID,Secret access key\r\n${cell(key.AccessKeyId)},${cell(key.SecretAccessKey)}\r\n`;
}

export const accessKeyCsvName = (userName: string) => `${userName}_accessKeys.csv`;

export const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '');
