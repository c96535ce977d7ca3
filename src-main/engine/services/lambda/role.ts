/** The execution role: it must exist and trust lambda.amazonaws.com, as AWS checks at create and update. */
import type { Ctx } from '../../core/provider';
import { roleByName, type IamRole } from '../iam/api';
import { invalidParameter } from './errors';

const ROLE_ARN = /^arn:aws[a-zA-Z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

export function checkRole(ctx: Ctx, arn: string): IamRole {
  const m = ROLE_ARN.exec(arn);
  if (!m) {
    throw invalidParameter(`1 validation error detected: Value '${arn}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`);
  }
  const role = m[1] === ctx.accountId ? roleByName(ctx.store, ctx.accountId, m[2]!) : undefined;
  if (!role || !/lambda\.amazonaws\.com/.test(role.trust_policy)) throw invalidParameter('The role defined for the function cannot be assumed by Lambda.');
  return role;
}

/** The role's name, for the session Lambda takes on its behalf. */
export const roleName = (arn: string): string => arn.split('/').at(-1) ?? arn;
