import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { getTemplate } from './state/launch-templates';

/** Deletes versions one by one; the default version cannot go (DeleteLaunchTemplate removes it). */
export function DeleteLaunchTemplateVersions(ctx: Ctx, input: Ec2Input<'DeleteLaunchTemplateVersions'>): Ec2Output<'DeleteLaunchTemplateVersions'> {
  const t = getTemplate(ctx, input);
  checkDryRun(input);
  const ok: { LaunchTemplateId: string; LaunchTemplateName: string; VersionNumber: number }[] = [];
  const failed: { LaunchTemplateId: string; LaunchTemplateName: string; VersionNumber?: number; ResponseError: { Code: string; Message: string } }[] = [];
  for (const ver of input.Versions) {
    const n = /^[1-9][0-9]*$/.test(ver) ? Number(ver) : undefined;
    const base = { LaunchTemplateId: t.template_id, LaunchTemplateName: t.name };
    if (n === undefined) failed.push({ ...base, ResponseError: { Code: 'launchTemplateVersionDoesNotExist', Message: `Could not find launch template version ${ver}` } });
    else if (n === t.default_version) failed.push({ ...base, VersionNumber: n, ResponseError: { Code: 'launchTemplateVersionIsDefaultVersion', Message: 'Cannot delete the default version of a launch template' } });
    else if (ctx.store.stmt('DELETE FROM ec2_launch_template_versions WHERE template_id = ? AND version = ?').run(t.template_id, n).changes === 0)
      failed.push({ ...base, VersionNumber: n, ResponseError: { Code: 'launchTemplateVersionDoesNotExist', Message: `Could not find launch template version ${n}` } });
    else ok.push({ ...base, VersionNumber: n });
  }
  return { SuccessfullyDeletedLaunchTemplateVersions: ok, UnsuccessfullyDeletedLaunchTemplateVersions: failed };
}
