import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { launchTemplateNameInUse, launchTemplateNameMalformed, missingLaunchTemplateData } from './launch-template-errors';
import { findTemplateById, findTemplateByName, insertTemplate, insertVersion, templateOutput } from './state/launch-templates';
import { applyTagSpecifications, checkTagSpecifications } from './state/tags';

export const LAUNCH_TEMPLATE_NAME = /^[a-zA-Z0-9().\-/_]{3,128}$/;

/** A new template with its version 1, which is also its default version. */
export function CreateLaunchTemplate(ctx: Ctx, input: Ec2Input<'CreateLaunchTemplate'>): Ec2Output<'CreateLaunchTemplate'> {
  if (!LAUNCH_TEMPLATE_NAME.test(input.LaunchTemplateName)) throw launchTemplateNameMalformed();
  if (!input.LaunchTemplateData) throw missingLaunchTemplateData();
  checkTagSpecifications(ctx, input.TagSpecifications, ['launch-template']);
  if (findTemplateByName(ctx, input.LaunchTemplateName)) throw launchTemplateNameInUse();
  checkDryRun(input);
  const t = insertTemplate(ctx, input.LaunchTemplateName);
  insertVersion(ctx, t, input.LaunchTemplateData as Record<string, unknown>, input.VersionDescription);
  applyTagSpecifications(ctx, input.TagSpecifications, 'launch-template', t.template_id);
  return { LaunchTemplate: templateOutput(ctx, findTemplateById(ctx, t.template_id)!) };
}
