import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { applyFilters, type FilterTable } from './filters';
import { paginate } from './pagination';
import { getTemplate, getVersion, listTemplates, versionNumber, versionsOf, versionOutput, type LaunchTemplateRow, type LaunchTemplateVersionRow } from './state/launch-templates';

type Item = { t: LaunchTemplateRow; v: LaunchTemplateVersionRow; data: Record<string, unknown> };

const FILTERS: FilterTable<Item> = {
  'is-default-version': (i) => String(i.v.version === i.t.default_version),
  'image-id': (i) => i.data.ImageId as string | undefined,
  'instance-type': (i) => i.data.InstanceType as string | undefined,
  'kernel-id': (i) => i.data.KernelId as string | undefined,
  'ram-disk-id': (i) => i.data.RamDiskId as string | undefined,
  'create-time': (i) => new Date(i.v.created_at).toISOString(),
};

/** One template's versions (listed, $Latest/$Default, or a range); without a template, every template's $Latest and $Default. */
export function DescribeLaunchTemplateVersions(ctx: Ctx, input: Ec2Input<'DescribeLaunchTemplateVersions'>): Ec2Output<'DescribeLaunchTemplateVersions'> {
  let rows: { t: LaunchTemplateRow; v: LaunchTemplateVersionRow }[];
  if (input.LaunchTemplateId || input.LaunchTemplateName) {
    const t = getTemplate(ctx, input);
    if (input.Versions?.length) {
      const seen = new Set<number>();
      rows = [];
      for (const ver of input.Versions) {
        const v = getVersion(ctx, t, ver);
        if (!seen.has(v.version)) rows.push({ t, v });
        seen.add(v.version);
      }
    } else {
      const min = input.MinVersion !== undefined ? versionNumber(t, input.MinVersion) : 1;
      const max = input.MaxVersion !== undefined ? versionNumber(t, input.MaxVersion) : Number.MAX_SAFE_INTEGER;
      rows = versionsOf(ctx, t.template_id)
        .filter((v) => v.version >= min && v.version <= max)
        .map((v) => ({ t, v }));
    }
  } else {
    rows = listTemplates(ctx).flatMap((t) => {
      const wanted = input.Versions?.length ? input.Versions : ['$Latest', '$Default'];
      const nums = new Set(wanted.filter((w) => w === '$Latest' || w === '$Default').map((w) => versionNumber(t, w)));
      return versionsOf(ctx, t.template_id)
        .filter((v) => nums.has(v.version))
        .map((v) => ({ t, v }));
    });
  }
  checkDryRun(input);
  const items = applyFilters(
    rows.map((r) => ({ ...r, data: JSON.parse(r.v.data) as Record<string, unknown> })),
    input.Filters,
    { table: FILTERS },
  );
  const { page, nextToken } = paginate(items, input, { operation: 'DescribeLaunchTemplateVersions', min: 1, max: 200 });
  return { LaunchTemplateVersions: page.map((i) => versionOutput(i.t, i.v)), NextToken: nextToken };
}
