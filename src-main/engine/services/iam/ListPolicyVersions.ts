import type { Ctx } from '../../core/provider';
import { policyVersions, requirePolicy } from './state/policies';

export const ListPolicyVersions = (ctx: Ctx, input: { PolicyArn: string }) => {
  const policy = requirePolicy(ctx, input.PolicyArn);
  return {
    Versions: policyVersions(ctx.store, policy)
      .reverse()
      .map((v) => ({ VersionId: v.version_id, IsDefaultVersion: v.version_id === policy.defaultVersion, CreateDate: new Date(v.created_at) })),
    IsTruncated: false,
  };
};
