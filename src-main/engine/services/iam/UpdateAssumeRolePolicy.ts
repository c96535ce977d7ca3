import type { Ctx } from '../../core/provider';
import { unmodifiableEntity } from './errors';
import { checkTrustPolicy } from './roles';
import { requireEntity } from './state/entities';

export const UpdateAssumeRolePolicy = (ctx: Ctx, input: { RoleName: string; PolicyDocument: string }) => {
  const role = requireEntity(ctx, 'role', input.RoleName);
  if (role.path.startsWith('/aws-service-role/'))
    throw unmodifiableEntity(`Cannot perform the operation on the protected role '${role.name}' - this role is only modifiable by AWS`);
  checkTrustPolicy(ctx, input.PolicyDocument);
  ctx.store.stmt('UPDATE iam_roles SET trust_policy = ? WHERE id = ?').run(input.PolicyDocument, role.id);
  return {};
};
