import type { Ctx } from '../../core/provider';
import { parsePolicy, PolicyError } from '../../iam/policy';
import { knownActions, roleByArn } from '../iam/api';
import { accessDenied, constraintViolation, malformedPolicyDocument, packedPolicyTooLarge, validationError } from './errors';
import { findSession, issueSession } from './sessions';

const SESSION_NAME = /^[\w+=,.@-]*$/;
const MAX_SESSION_POLICY = 2048;

/**
 * The trust policy (and, for a caller in the same account that the trust policy names only by its
 * account, the caller's identity policy) was evaluated by the authorizer before this runs.
 */
export const AssumeRole = (
  ctx: Ctx,
  input: { RoleArn: string; RoleSessionName: string; DurationSeconds?: number; Policy?: string; SerialNumber?: string; TokenCode?: string },
) => {
  const name = input.RoleSessionName;
  if (name.length < 2) throw constraintViolation(name, 'roleSessionName', 'Member must have length greater than or equal to 2');
  if (name.length > 64) throw constraintViolation(name, 'roleSessionName', 'Member must have length less than or equal to 64');
  if (!SESSION_NAME.test(name)) throw constraintViolation(name, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  if (ctx.principal.type === 'root') throw accessDenied('Roles may not be assumed by root accounts.');
  const role = roleByArn(ctx.store, input.RoleArn);
  if (!role) throw accessDenied(`User: ${ctx.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`);
  const duration = input.DurationSeconds ?? 3600;
  if (duration < 900) throw constraintViolation(String(duration), 'durationSeconds', 'Member must have value greater than or equal to 900');
  if (ctx.principal.type === 'assumed-role' && duration > 3600)
    throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  if (duration > role.max_session_duration) throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  if (input.Policy !== undefined) {
    try {
      parsePolicy(input.Policy, 'identity', { knownActions });
    } catch (e) {
      if (e instanceof PolicyError) throw malformedPolicyDocument(e.message);
      throw e;
    }
    if (Buffer.byteLength(input.Policy) > MAX_SESSION_POLICY)
      throw packedPolicyTooLarge(`Packed policy consumes ${Math.round((Buffer.byteLength(input.Policy) / MAX_SESSION_POLICY) * 100)}% of allotted space, please use smaller policy for the session.`);
  }
  const callerSession = ctx.principal.accessKeyId ? findSession(ctx.store, ctx.principal.accessKeyId) : undefined;
  const now = ctx.clock.now();
  const arn = `arn:aws:sts::${role.account_id}:assumed-role/${role.name}/${name}`;
  const userId = `${role.id}:${name}`;
  const creds = issueSession(ctx.store, {
    principal: { type: 'assumed-role', arn, userId, accountId: role.account_id },
    now,
    durationSeconds: duration,
    mfa: callerSession?.mfa === 1,
    roleId: role.id,
    sessionPolicy: input.Policy,
  });
  ctx.store.stmt('UPDATE iam_roles SET last_used = ?, last_used_region = ? WHERE id = ?').run(now, ctx.region, role.id);
  return {
    Credentials: creds,
    AssumedRoleUser: { AssumedRoleId: userId, Arn: arn },
    PackedPolicySize: input.Policy ? Math.round((Buffer.byteLength(input.Policy) / MAX_SESSION_POLICY) * 100) : undefined,
  };
};

