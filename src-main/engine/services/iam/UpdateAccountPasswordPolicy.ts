import type { Ctx } from '../../core/provider';
import { constraintViolation } from './errors';
import { setPasswordPolicy, type PasswordPolicy } from './state/account';

interface Input {
  MinimumPasswordLength?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  AllowUsersToChangePassword?: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

/** Unset fields fall back to AWS's defaults (not to the previous policy), as the API documents. */
export const UpdateAccountPasswordPolicy = (ctx: Ctx, input: Input) => {
  const min = input.MinimumPasswordLength ?? 6;
  if (min < 6) throw constraintViolation(String(min), 'minimumPasswordLength', 'Member must have value greater than or equal to 6');
  if (min > 128) throw constraintViolation(String(min), 'minimumPasswordLength', 'Member must have value less than or equal to 128');
  if (input.MaxPasswordAge !== undefined && (input.MaxPasswordAge < 1 || input.MaxPasswordAge > 1095))
    throw constraintViolation(String(input.MaxPasswordAge), 'maxPasswordAge', 'Member must have value less than or equal to 1095');
  if (input.PasswordReusePrevention !== undefined && (input.PasswordReusePrevention < 1 || input.PasswordReusePrevention > 24))
    throw constraintViolation(String(input.PasswordReusePrevention), 'passwordReusePrevention', 'Member must have value less than or equal to 24');
  const policy: PasswordPolicy = {
    MinimumPasswordLength: min,
    RequireSymbols: input.RequireSymbols ?? false,
    RequireNumbers: input.RequireNumbers ?? false,
    RequireUppercaseCharacters: input.RequireUppercaseCharacters ?? false,
    RequireLowercaseCharacters: input.RequireLowercaseCharacters ?? false,
    AllowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
    ExpirePasswords: input.MaxPasswordAge !== undefined,
    MaxPasswordAge: input.MaxPasswordAge,
    PasswordReusePrevention: input.PasswordReusePrevention,
    HardExpiry: input.HardExpiry,
  };
  setPasswordPolicy(ctx.store, ctx.accountId, policy);
  return {};
};
