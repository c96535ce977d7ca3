import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { invalidZone } from './errors';
import { applyFilters, type FilterTable } from './filters';
import type { Ec2Input, Ec2Output } from './types';
import { zonesOf } from './zones';

interface Row {
  zoneName: string;
  zoneId: string;
  region: string;
}

const ZONE_FILTERS: FilterTable<Row> = {
  'group-name': (z) => z.region,
  'network-border-group': (z) => z.region,
  'opt-in-status': () => 'opt-in-not-required',
  'region-name': (z) => z.region,
  state: () => 'available',
  'zone-id': (z) => z.zoneId,
  'zone-name': (z) => z.zoneName,
  'zone-type': () => 'availability-zone',
  message: () => undefined,
};

/** The zones of the request's region, in AWS's order (us-east-1a, b, ...). */
export function DescribeAvailabilityZones(ctx: Ctx, input: Ec2Input<'DescribeAvailabilityZones'>): Ec2Output<'DescribeAvailabilityZones'> {
  const all: Row[] = zonesOf(ctx.region).map((z) => ({ zoneName: z.zoneName, zoneId: z.zoneId, region: ctx.region }));
  for (const n of input.ZoneNames ?? []) if (!all.some((z) => z.zoneName === n)) throw invalidZone(n);
  for (const id of input.ZoneIds ?? []) if (!all.some((z) => z.zoneId === id)) throw invalidZone(id);
  const named = (input.ZoneNames?.length ?? 0) + (input.ZoneIds?.length ?? 0) > 0;
  const rows = named ? all.filter((z) => input.ZoneNames?.includes(z.zoneName) || input.ZoneIds?.includes(z.zoneId)) : all;
  const filtered = applyFilters(rows, input.Filters, { table: ZONE_FILTERS });
  checkDryRun(input);
  return {
    AvailabilityZones: filtered.map((z) => ({
      State: 'available',
      OptInStatus: 'opt-in-not-required',
      Messages: [],
      RegionName: z.region,
      ZoneName: z.zoneName,
      ZoneId: z.zoneId,
      GroupName: z.region,
      NetworkBorderGroup: z.region,
      ZoneType: 'availability-zone',
    })),
  };
}
