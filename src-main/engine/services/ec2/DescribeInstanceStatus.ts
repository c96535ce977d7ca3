import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { applyFilters, type FilterTable } from './filters';
import { paginate } from './pagination';
import { catchUp } from './state/instance-lifecycle';
import { hostFailedSince } from './state/host-health';
import { INSTANCE_TRANSITIONS, STATE_CODES, getInstances, listInstances, type InstanceRow } from './state/instances';

/** Status checks pass this long after an instance is running (they show `initializing` before). */
export const STATUS_CHECK_MS = 60_000;

type Item = { row: InstanceRow; status: string; runningSince: number | null };

const STATUS_FILTERS: FilterTable<Item> = {
  'availability-zone': (i) => i.row.availability_zone,
  'instance-state-name': (i) => i.row.state,
  'instance-state-code': (i) => STATE_CODES[i.row.state],
  'instance-status.status': (i) => i.status,
  'instance-status.reachability': (i) => (i.status === 'ok' ? 'passed' : i.status === 'initializing' ? 'initializing' : undefined),
  'system-status.status': (i) => i.status,
  'system-status.reachability': (i) => (i.status === 'ok' ? 'passed' : i.status === 'initializing' ? 'initializing' : undefined),
};

/** When a running instance entered `running`: the end of its last pending period, from the usage meter. */
function runningSince(ctx: Ctx, row: InstanceRow): number | null {
  if (row.state !== 'running') return null;
  const r = ctx.store
    .stmt("SELECT started_at FROM ec2_usage WHERE resource_id = ? AND usage_type = 'instance' AND ended_at IS NULL")
    .get(row.instance_id) as { started_at: number } | undefined;
  return r?.started_at ?? row.launch_time + (INSTANCE_TRANSITIONS.pending?.afterMs ?? 0);
}

/** Status checks (§14.1): `ok` a minute after boot; only running instances unless IncludeAllInstances. */
export function DescribeInstanceStatus(ctx: Ctx, input: Ec2Input<'DescribeInstanceStatus'>): Ec2Output<'DescribeInstanceStatus'> {
  catchUp(ctx);
  const ids = input.InstanceIds ?? [];
  const rows = ids.length ? getInstances(ctx, ids) : listInstances(ctx);
  checkDryRun(input);
  const now = ctx.clock.now();
  const items: Item[] = rows
    .filter((r) => input.IncludeAllInstances === true || r.state === 'running')
    .map((row) => {
      const since = runningSince(ctx, row);
      const status = since === null ? 'not-applicable' : now - since >= STATUS_CHECK_MS ? 'ok' : 'initializing';
      return { row, status, runningSince: since };
    });
  const filtered = applyFilters(items, input.Filters, { table: STATUS_FILTERS });
  const { page, nextToken } = paginate(filtered, input, { operation: 'DescribeInstanceStatus', idsParam: 'instanceIds', ids });
  const summary = (i: Item) => ({
    Details: i.status === 'not-applicable' ? undefined : [{ Name: 'reachability', Status: i.status === 'ok' ? 'passed' : 'initializing' }],
    Status: i.status,
  });
  // A failed host (state/host-health.ts) fails the system check, and with it the instance's reachability.
  const system = (i: Item) => {
    const since = i.status === 'not-applicable' ? undefined : hostFailedSince(ctx.store, i.row.instance_id);
    return since === undefined ? summary(i) : { Details: [{ Name: 'reachability', Status: 'failed', ImpairedSince: new Date(since) }], Status: 'impaired' };
  };
  return {
    InstanceStatuses: page.map((i) => ({
      AvailabilityZone: i.row.availability_zone,
      InstanceId: i.row.instance_id,
      InstanceState: { Code: STATE_CODES[i.row.state], Name: i.row.state },
      InstanceStatus: summary(i),
      SystemStatus: system(i),
      AttachedEbsStatus: i.status === 'not-applicable' ? undefined : summary(i),
    })),
    NextToken: nextToken,
  };
}
