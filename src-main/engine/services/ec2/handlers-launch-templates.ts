/**
 * Launch templates, a small third part of EC2 beside the network and compute halves: the handlers
 * and migrations index.ts merges in. Auto Scaling launches from them (it reads a version through
 * DescribeLaunchTemplateVersions and turns its data into RunInstances parameters).
 */
import type { Handler } from '../../core/provider';
import { CreateLaunchTemplate } from './CreateLaunchTemplate';
import { CreateLaunchTemplateVersion } from './CreateLaunchTemplateVersion';
import { DeleteLaunchTemplate } from './DeleteLaunchTemplate';
import { DeleteLaunchTemplateVersions } from './DeleteLaunchTemplateVersions';
import { DescribeLaunchTemplates } from './DescribeLaunchTemplates';
import { DescribeLaunchTemplateVersions } from './DescribeLaunchTemplateVersions';
import { ModifyLaunchTemplate } from './ModifyLaunchTemplate';

export { launchTemplateMigrations } from './migrations-launch-templates';

export const launchTemplateHandlers: Record<string, Handler> = {
  CreateLaunchTemplate,
  CreateLaunchTemplateVersion,
  DeleteLaunchTemplate,
  DeleteLaunchTemplateVersions,
  DescribeLaunchTemplates,
  DescribeLaunchTemplateVersions,
  ModifyLaunchTemplate,
};
