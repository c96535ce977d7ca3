/** What IAM checks for each IAM call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

export const iamIamTable: ServiceTable = {
  prefix: 'iam',
  starPrefixes: ['List', 'GetAccount', 'Simulate', 'GetContextKeys', 'GenerateCredentialReport', 'GetCredentialReport'],
  selfMember: 'UserName',
  resources: {
    CreateVirtualMFADevice: ['arn:${Partition}:iam::${Account}:mfa${Path}${VirtualMFADeviceName}'],
    DeleteVirtualMFADevice: ['${SerialNumber}'],
    CreateServiceLinkedRole: ['arn:${Partition}:iam::${Account}:role/aws-service-role/${AWSServiceName}/*'],
    CreateUser: ['arn:${Partition}:iam::${Account}:user${Path}${UserName}'],
    CreateGroup: ['arn:${Partition}:iam::${Account}:group${Path}${GroupName}'],
    CreateRole: ['arn:${Partition}:iam::${Account}:role${Path}${RoleName}'],
    CreateInstanceProfile: ['arn:${Partition}:iam::${Account}:instance-profile${Path}${InstanceProfileName}'],
    CreatePolicy: ['arn:${Partition}:iam::${Account}:policy${Path}${PolicyName}'],
    ListAccessKeys: ['arn:${Partition}:iam::${Account}:user/${UserName@user}'],
    ListGroupsForUser: ['arn:${Partition}:iam::${Account}:user/${UserName@user}'],
    ListMFADevices: ['arn:${Partition}:iam::${Account}:user/${UserName@user}'],
    ListUserPolicies: ['arn:${Partition}:iam::${Account}:user/${UserName@user}'],
    ListAttachedUserPolicies: ['arn:${Partition}:iam::${Account}:user/${UserName@user}'],
    ListRolePolicies: ['arn:${Partition}:iam::${Account}:role/${RoleName@role}'],
    ListAttachedRolePolicies: ['arn:${Partition}:iam::${Account}:role/${RoleName@role}'],
    ListInstanceProfilesForRole: ['arn:${Partition}:iam::${Account}:role/${RoleName@role}'],
    ListPolicyVersions: ['${PolicyArn}'],
    ListEntitiesForPolicy: ['${PolicyArn}'],
  },
  members: {
    UserName: 'arn:${Partition}:iam::${Account}:user/${UserName@user}',
    GroupName: 'arn:${Partition}:iam::${Account}:group/${GroupName@group}',
    RoleName: 'arn:${Partition}:iam::${Account}:role/${RoleName@role}',
    InstanceProfileName: 'arn:${Partition}:iam::${Account}:instance-profile/${InstanceProfileName@instance-profile}',
    PolicyArn: '${PolicyArn}',
    PolicySourceArn: '${PolicySourceArn}',
  },
};
