import type { Ctx } from '../../core/provider';
import { deleteConflict, noSuchEntity, noSuchPolicy } from './errors';
import { policyVersions, requirePolicy } from './state/policies';

export const DeletePolicyVersion = (ctx: Ctx, input: { PolicyArn: string; VersionId: string }) => {
  const policy = requirePolicy(ctx, input.PolicyArn);
  if (policy.awsManaged) throw noSuchPolicy(input.PolicyArn);
  if (!policyVersions(ctx.store, policy).some((v) => v.version_id === input.VersionId))
    throw noSuchEntity(`Policy ${input.PolicyArn} version ${input.VersionId} does not exist or is not attachable.`);
  if (policy.defaultVersion === input.VersionId) throw deleteConflict('Cannot delete the default version of a policy.');
  ctx.store.stmt('DELETE FROM iam_policy_versions WHERE policy_arn = ? AND version_id = ?').run(policy.arn, input.VersionId);
  return {};
};
