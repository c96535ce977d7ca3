/**
 * The STS provider: who am I, role sessions, session tokens (with MFA), and the instance-profile
 * credentials the guest's metadata service hands out.
 */
import type { ServiceProvider } from '../../core/provider';
import { stsMigrations } from './migrations';
import { AssumeRole } from './AssumeRole';
import { DecodeAuthorizationMessage } from './DecodeAuthorizationMessage';
import { GetAccessKeyInfo } from './GetAccessKeyInfo';
import { GetCallerIdentity } from './GetCallerIdentity';
import { GetSessionToken } from './GetSessionToken';

export const stsProvider: ServiceProvider = {
  service: 'sts',
  migrations: stsMigrations,
  handlers: { AssumeRole, DecodeAuthorizationMessage, GetAccessKeyInfo, GetCallerIdentity, GetSessionToken },
};

export { issueInstanceProfileCredentials, type InstanceCredentials } from './instance-profile-credentials';
export { sessionFacts, trustPolicy } from './authz';
