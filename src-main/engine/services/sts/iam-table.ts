/** What IAM checks for each STS call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

export const stsIamTable: ServiceTable = {
  prefix: 'sts',
  // Neither needs a permission: AWS documents that policies cannot control them.
  alwaysAllowed: ['GetCallerIdentity', 'GetSessionToken'],
  requireResourcePolicy: ['AssumeRole'],
  resources: { AssumeRole: ['${RoleArn}'], GetSessionToken: [], GetAccessKeyInfo: [], DecodeAuthorizationMessage: [], GetFederationToken: ['arn:${Partition}:sts::${Account}:federated-user/${Name}'] },
};
