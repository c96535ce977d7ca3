import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { invalidRegion } from './errors';
import { applyFilters, type FilterTable } from './filters';
import type { Ec2Input, Ec2Output } from './types';
import { regionCatalog } from './zones';

interface Row {
  name: string;
  endpoint: string;
  optIn: string;
}

const REGION_FILTERS: FilterTable<Row> = {
  endpoint: (r) => r.endpoint,
  'region-name': (r) => r.name,
  'opt-in-status': (r) => r.optIn,
};

/** Regions the account may use; with AllRegions also the opt-in regions nobody enabled (none are, in the lab). */
export function DescribeRegions(ctx: Ctx, input: Ec2Input<'DescribeRegions'>): Ec2Output<'DescribeRegions'> {
  const all: Row[] = regionCatalog().all.map((r) => ({
    name: r.name,
    endpoint: `ec2.${r.name}.amazonaws.com`,
    optIn: r.optIn ? 'not-opted-in' : 'opt-in-not-required',
  }));
  for (const name of input.RegionNames ?? []) if (!all.some((r) => r.name === name)) throw invalidRegion(name);
  let rows = input.AllRegions === true ? all : all.filter((r) => r.optIn !== 'not-opted-in');
  if (input.RegionNames && input.RegionNames.length > 0) rows = all.filter((r) => input.RegionNames!.includes(r.name));
  const filtered = applyFilters(rows, input.Filters, { table: REGION_FILTERS });
  checkDryRun(input);
  return { Regions: filtered.map((r) => ({ Endpoint: r.endpoint, RegionName: r.name, OptInStatus: r.optIn })) };
}
