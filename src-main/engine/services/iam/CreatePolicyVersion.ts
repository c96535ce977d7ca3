import type { Ctx } from '../../core/provider';
import { limitExceeded, noSuchPolicy } from './errors';
import { checkManagedDocument } from './CreatePolicy';
import { policyVersions, requirePolicy } from './state/policies';
import { MAX_POLICY_VERSIONS } from './AttachUserPolicy';

export const CreatePolicyVersion = (ctx: Ctx, input: { PolicyArn: string; PolicyDocument: string; SetAsDefault?: boolean }) => {
  const policy = requirePolicy(ctx, input.PolicyArn);
  if (policy.awsManaged) throw noSuchPolicy(input.PolicyArn);
  checkManagedDocument(input.PolicyDocument);
  if (policyVersions(ctx.store, policy).length >= MAX_POLICY_VERSIONS)
    throw limitExceeded(`A managed policy can have up to ${MAX_POLICY_VERSIONS} versions. Before you create a new version, you must delete an existing version.`);
  const row = ctx.store.stmt('SELECT next_version FROM iam_policies WHERE arn = ?').get(policy.arn) as { next_version: number };
  const versionId = `v${row.next_version}`;
  const now = ctx.clock.now();
  ctx.store.stmt('INSERT INTO iam_policy_versions (policy_arn, version_id, document, created_at) VALUES (?, ?, ?, ?)').run(policy.arn, versionId, input.PolicyDocument, now);
  ctx.store
    .stmt('UPDATE iam_policies SET next_version = next_version + 1, updated_at = ?, default_version = CASE WHEN ? THEN ? ELSE default_version END WHERE arn = ?')
    .run(now, input.SetAsDefault ? 1 : 0, versionId, policy.arn);
  return { PolicyVersion: { VersionId: versionId, IsDefaultVersion: !!input.SetAsDefault, CreateDate: new Date(now) } };
};
