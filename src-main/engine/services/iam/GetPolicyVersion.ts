import type { Ctx } from '../../core/provider';
import { noSuchEntity } from './errors';
import { encodeDocument, policyVersions, requirePolicy } from './state/policies';

export const GetPolicyVersion = (ctx: Ctx, input: { PolicyArn: string; VersionId: string }) => {
  const policy = requirePolicy(ctx, input.PolicyArn);
  const v = policyVersions(ctx.store, policy).find((x) => x.version_id === input.VersionId);
  if (!v) throw noSuchEntity(`Policy ${input.PolicyArn} version ${input.VersionId} does not exist or is not attachable.`);
  return {
    PolicyVersion: {
      Document: encodeDocument(v.document),
      VersionId: v.version_id,
      IsDefaultVersion: v.version_id === policy.defaultVersion,
      CreateDate: new Date(v.created_at),
    },
  };
};
