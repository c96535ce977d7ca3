import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { getTemplate, templateOutput } from './state/launch-templates';
import { deleteAllTags } from './state/tags';

/** Deletes a template and all its versions (instances launched from it are unaffected). */
export function DeleteLaunchTemplate(ctx: Ctx, input: Ec2Input<'DeleteLaunchTemplate'>): Ec2Output<'DeleteLaunchTemplate'> {
  const t = getTemplate(ctx, input);
  checkDryRun(input);
  const out = templateOutput(ctx, t);
  ctx.store.stmt('DELETE FROM ec2_launch_template_versions WHERE template_id = ?').run(t.template_id);
  ctx.store.stmt('DELETE FROM ec2_launch_templates WHERE template_id = ?').run(t.template_id);
  deleteAllTags(ctx, t.template_id);
  return { LaunchTemplate: { ...out, Tags: undefined } };
}
