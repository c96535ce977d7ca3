import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { missingLaunchTemplateData } from './launch-template-errors';
import { findTemplateById, getTemplate, getVersion, insertVersion, versionOutput } from './state/launch-templates';

/** The next version; with SourceVersion, the source's data with the new data's members laid over it. */
export function CreateLaunchTemplateVersion(ctx: Ctx, input: Ec2Input<'CreateLaunchTemplateVersion'>): Ec2Output<'CreateLaunchTemplateVersion'> {
  const t = getTemplate(ctx, input);
  if (!input.LaunchTemplateData) throw missingLaunchTemplateData();
  const base = input.SourceVersion !== undefined ? (JSON.parse(getVersion(ctx, t, input.SourceVersion).data) as Record<string, unknown>) : {};
  checkDryRun(input);
  const v = insertVersion(ctx, t, { ...base, ...(input.LaunchTemplateData as Record<string, unknown>) }, input.VersionDescription);
  return { LaunchTemplateVersion: versionOutput(findTemplateById(ctx, t.template_id)!, v) };
}
