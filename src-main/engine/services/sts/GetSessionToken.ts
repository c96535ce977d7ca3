import type { Ctx } from '../../core/provider';
import { mfaCodeValid } from '../iam/api';
import { accessDenied, constraintViolation } from './errors';
import { issueSession } from './sessions';

/**
 * Session credentials for an IAM user (or root), with MFA when SerialNumber + TokenCode are given:
 * policies that test aws:MultiFactorAuthPresent then see true.
 */
export const GetSessionToken = (ctx: Ctx, input: { DurationSeconds?: number; SerialNumber?: string; TokenCode?: string }) => {
  const p = ctx.principal;
  if (p.sessionToken || (p.type !== 'user' && p.type !== 'root')) throw accessDenied('Cannot call GetSessionToken with session credentials');
  const max = p.type === 'root' ? 3600 : 129600;
  const duration = input.DurationSeconds ?? (p.type === 'root' ? 3600 : 43200);
  if (duration < 900) throw constraintViolation(String(duration), 'durationSeconds', 'Member must have value greater than or equal to 900');
  if (duration > 129600) throw constraintViolation(String(duration), 'durationSeconds', 'Member must have value less than or equal to 129600');
  let mfa = false;
  if (input.SerialNumber !== undefined || input.TokenCode !== undefined) {
    const owner = p.type === 'root' ? 'root' : p.userId;
    const ok = input.SerialNumber !== undefined && input.TokenCode !== undefined && mfaCodeValid(ctx.store, input.SerialNumber, owner, input.TokenCode, ctx.clock.now());
    if (!ok) throw accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
    mfa = true;
  }
  const creds = issueSession(ctx.store, {
    principal: { type: p.type, arn: p.arn, userId: p.userId, accountId: p.accountId },
    now: ctx.clock.now(),
    durationSeconds: Math.min(duration, max),
    mfa,
  });
  return { Credentials: creds };
};
