/**
 * The STS provider: who am I, role sessions, session tokens (with MFA), and the instance-profile
 * credentials the guest's metadata service hands out.
 */
import { defineService } from '../../core/provider';
import { stsIamTable } from './iam-table';
import { stsMigrations } from './migrations';
import { AssumeRole } from './AssumeRole';
import { DecodeAuthorizationMessage } from './DecodeAuthorizationMessage';
import { GetAccessKeyInfo } from './GetAccessKeyInfo';
import { GetCallerIdentity } from './GetCallerIdentity';
import { GetSessionToken } from './GetSessionToken';

export const stsProvider = defineService({
  service: 'sts',
  migrations: stsMigrations,
  handlers: { AssumeRole, DecodeAuthorizationMessage, GetAccessKeyInfo, GetCallerIdentity, GetSessionToken },
  iam: stsIamTable,
  // STS has no CloudFormation resource types, and nothing a learner makes outlives its session.
  cloudformation: {},
  inventory: [],
});

export { issueInstanceProfileCredentials, type InstanceCredentials } from './instance-profile-credentials';
export { sessionFacts, trustPolicy } from './authz';
