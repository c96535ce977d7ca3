import type { Ctx } from '../../core/provider';
import { noSuchEntity, noSuchPolicy } from './errors';
import { policyVersions, requirePolicy } from './state/policies';

export const SetDefaultPolicyVersion = (ctx: Ctx, input: { PolicyArn: string; VersionId: string }) => {
  const policy = requirePolicy(ctx, input.PolicyArn);
  if (policy.awsManaged) throw noSuchPolicy(input.PolicyArn);
  if (!policyVersions(ctx.store, policy).some((v) => v.version_id === input.VersionId))
    throw noSuchEntity(`Policy ${input.PolicyArn} version ${input.VersionId} does not exist or is not attachable.`);
  ctx.store.stmt('UPDATE iam_policies SET default_version = ?, updated_at = ? WHERE arn = ?').run(input.VersionId, ctx.clock.now(), policy.arn);
  return {};
};
