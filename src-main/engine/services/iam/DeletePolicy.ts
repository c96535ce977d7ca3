import type { Ctx } from '../../core/provider';
import { deleteConflict, noSuchPolicy } from './errors';
import { attachmentCount, policyVersions, requirePolicy } from './state/policies';

export const DeletePolicy = (ctx: Ctx, input: { PolicyArn: string }) => {
  const policy = requirePolicy(ctx, input.PolicyArn);
  if (policy.awsManaged) throw noSuchPolicy(input.PolicyArn);
  if (attachmentCount(ctx.store, ctx.accountId, policy.arn) > 0) throw deleteConflict('Cannot delete a policy attached to entities.');
  if (policyVersions(ctx.store, policy).length > 1)
    throw deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
  ctx.store.stmt('DELETE FROM iam_policy_versions WHERE policy_arn = ?').run(policy.arn);
  ctx.store.stmt('DELETE FROM iam_policies WHERE arn = ?').run(policy.arn);
  return {};
};
