import type { Ctx } from '../../core/provider';
import { roleOutput } from './output';
import { insertRole } from './roles';

export const CreateRole = (
  ctx: Ctx,
  input: { RoleName: string; Path?: string; AssumeRolePolicyDocument: string; Description?: string; MaxSessionDuration?: number; Tags?: { Key: string; Value: string }[] },
) => {
  const role = insertRole(ctx, {
    name: input.RoleName,
    path: input.Path,
    trustPolicy: input.AssumeRolePolicyDocument,
    description: input.Description,
    maxSessionDuration: input.MaxSessionDuration,
    tags: input.Tags,
  });
  return { Role: roleOutput(ctx.store, role, false) };
};
