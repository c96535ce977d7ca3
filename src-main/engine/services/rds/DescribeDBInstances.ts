import type { Ctx } from '../../core/provider';
import { invalidParameterValue } from './errors';
import { instanceOutput } from './output';
import { getInstance, listInstances } from './state/instances';
import type { RdsInput, RdsOutput } from './types';

const FILTERS: Record<string, (r: ReturnType<typeof listInstances>[number]) => string[]> = {
  'db-instance-id': (r) => [r.id, `arn:aws:rds:${r.region}:${r.account_id}:db:${r.id}`],
  'dbi-resource-id': (r) => [r.resource_id],
  engine: (r) => [r.engine],
};

/** One instance by identifier (DBInstanceNotFound otherwise), or all of them, filtered. */
export function DescribeDBInstances(ctx: Ctx, input: RdsInput<'DescribeDBInstances'>): RdsOutput<'DescribeDBInstances'> {
  if (input.DBInstanceIdentifier) return { DBInstances: [instanceOutput(ctx, getInstance(ctx, input.DBInstanceIdentifier))] };
  let rows = listInstances(ctx);
  for (const f of input.Filters ?? []) {
    const get = FILTERS[f.Name];
    if (!get) throw invalidParameterValue(`Unrecognized filter name: ${f.Name}`);
    rows = rows.filter((r) => get(r).some((v) => f.Values.includes(v)));
  }
  return { DBInstances: rows.map((r) => instanceOutput(ctx, r)) };
}
