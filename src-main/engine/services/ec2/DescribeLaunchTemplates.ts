import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { applyFilters, type FilterTable } from './filters';
import { launchTemplateNameNotFound } from './launch-template-errors';
import { paginate } from './pagination';
import { getTemplate, listTemplates, templateOutput, type LaunchTemplateRow } from './state/launch-templates';
import { tagsByResource, type Tag } from './state/tags';

type Item = LaunchTemplateRow & { tags: Tag[] };

const FILTERS: FilterTable<Item> = {
  'launch-template-name': (t) => t.name,
  'create-time': (t) => new Date(t.created_at).toISOString(),
};

export function DescribeLaunchTemplates(ctx: Ctx, input: Ec2Input<'DescribeLaunchTemplates'>): Ec2Output<'DescribeLaunchTemplates'> {
  let rows = listTemplates(ctx);
  for (const id of input.LaunchTemplateIds ?? []) getTemplate(ctx, { LaunchTemplateId: id });
  for (const name of input.LaunchTemplateNames ?? []) if (!rows.some((r) => r.name === name)) throw launchTemplateNameNotFound(name);
  checkDryRun(input);
  if (input.LaunchTemplateIds?.length) rows = rows.filter((r) => input.LaunchTemplateIds!.includes(r.template_id));
  if (input.LaunchTemplateNames?.length) rows = rows.filter((r) => input.LaunchTemplateNames!.includes(r.name));
  const tags = tagsByResource(ctx, rows.map((r) => r.template_id));
  const items = applyFilters(rows.map((r) => ({ ...r, tags: tags.get(r.template_id) ?? [] })), input.Filters, { table: FILTERS, tags: (t) => t.tags });
  const { page, nextToken } = paginate(items, input, { operation: 'DescribeLaunchTemplates', min: 1, max: 200 });
  return { LaunchTemplates: page.map((t) => templateOutput(ctx, t)), NextToken: nextToken };
}
