import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidInstanceType } from './errors';
import { applyFilters, type FilterTable } from './filters';
import { paginate } from './pagination';
import { checkZone } from './CreateVolume';
import { zonesOf } from './zones';
import { allInstanceTypes, findInstanceType } from './state/instance-types';
import { spotPriceHistory, type SpotPricePoint } from './state/spot';

const PRICE_FILTERS: FilterTable<SpotPricePoint> = {
  'availability-zone': (p) => p.zone,
  'instance-type': (p) => p.type,
  'product-description': () => 'Linux/UNIX',
  'spot-price': (p) => p.price.toFixed(6),
  timestamp: (p) => new Date(p.at).toISOString(),
};

/** The spot market's recent prices (the console's Pricing History, §3.8.2). Linux/UNIX only. */
export function DescribeSpotPriceHistory(ctx: Ctx, input: Ec2Input<'DescribeSpotPriceHistory'>): Ec2Output<'DescribeSpotPriceHistory'> {
  for (const t of input.InstanceTypes ?? []) if (!findInstanceType(t)) throw invalidInstanceType(t);
  if (input.AvailabilityZone !== undefined) checkZone(ctx, input.AvailabilityZone);
  checkDryRun(input);
  const products = input.ProductDescriptions ?? [];
  const linux = products.length === 0 || products.some((p) => p === 'Linux/UNIX' || p === 'Linux/UNIX (Amazon VPC)');
  const zones = input.AvailabilityZone ? [input.AvailabilityZone] : zonesOf(ctx.region).map((z) => z.zoneName);
  const types = input.InstanceTypes?.length ? input.InstanceTypes : allInstanceTypes().map((t) => t.instanceType);
  const now = ctx.clock.now();
  const to = input.EndTime ? Math.min(new Date(input.EndTime).getTime(), now) : now;
  const from = input.StartTime ? new Date(input.StartTime).getTime() : undefined;
  const points = linux ? spotPriceHistory(ctx.region, zones, types, from, to) : [];
  const filtered = applyFilters(points, input.Filters, { table: PRICE_FILTERS });
  const { page, nextToken } = paginate(filtered, input, { operation: 'DescribeSpotPriceHistory', max: 10000 });
  return {
    SpotPriceHistory: page.map((p) => ({
      AvailabilityZone: p.zone,
      InstanceType: p.type,
      ProductDescription: 'Linux/UNIX',
      SpotPrice: p.price.toFixed(6),
      Timestamp: new Date(p.at),
    })),
    NextToken: nextToken,
  };
}
