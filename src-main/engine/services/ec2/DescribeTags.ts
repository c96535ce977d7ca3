import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { applyFilters, type FilterTable } from './filters';
import { paginate } from './pagination';
import { allTags, taggableKindOf } from './state/tags';

interface TagRow {
  resourceId: string;
  resourceType: string;
  key: string;
  value: string;
}

const TAG_FILTERS: FilterTable<TagRow> = {
  key: (t) => t.key,
  value: (t) => t.value,
  'resource-id': (t) => t.resourceId,
  'resource-type': (t) => t.resourceType,
};

export function DescribeTags(ctx: Ctx, input: Ec2Input<'DescribeTags'>): Ec2Output<'DescribeTags'> {
  const rows: TagRow[] = allTags(ctx).map((t) => ({ ...t, resourceType: taggableKindOf(t.resourceId)?.resourceType ?? 'unknown' }));
  const filtered = applyFilters(rows, input.Filters, { table: TAG_FILTERS });
  checkDryRun(input);
  const { page, nextToken } = paginate(filtered, input, { operation: 'DescribeTags', min: 5, max: 1000 });
  return {
    Tags: page.map((t) => ({ Key: t.key, Value: t.value, ResourceId: t.resourceId, ResourceType: t.resourceType })),
    NextToken: nextToken,
  };
}
