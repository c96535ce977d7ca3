import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { findTemplateById, getTemplate, getVersion, templateOutput } from './state/launch-templates';

/** Sets the default version (the one `$Default` and groups without a version launch). */
export function ModifyLaunchTemplate(ctx: Ctx, input: Ec2Input<'ModifyLaunchTemplate'>): Ec2Output<'ModifyLaunchTemplate'> {
  const t = getTemplate(ctx, input);
  const v = input.DefaultVersion !== undefined ? getVersion(ctx, t, input.DefaultVersion) : undefined;
  checkDryRun(input);
  if (v) ctx.store.stmt('UPDATE ec2_launch_templates SET default_version = ? WHERE template_id = ?').run(v.version, t.template_id);
  return { LaunchTemplate: templateOutput(ctx, findTemplateById(ctx, t.template_id)!) };
}
