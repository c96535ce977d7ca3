/**
 * The simulated hardware under instances (§14.1): the lab, or a learner through a lab action, can
 * mark an instance's host failed. Its system status check then fails (DescribeInstanceStatus,
 * CloudWatch's StatusCheckFailed_System) until the instance is recovered, stopped and started (a new
 * host), or terminated. Recovery itself (CloudWatch's ec2:recover action) clears the failure and
 * restarts the instance on healthy hardware, keeping its id, addresses and volumes.
 */
import type { Migration, Store } from '../../../store/store';
import type { Ctx } from '../../../core/provider';
import { onInstanceStateChange } from './instance-lifecycle';

export const hostHealthMigrations: Migration[] = [
  {
    scope: 'ec2-host-health',
    version: 1,
    name: 'failed hosts under instances',
    up: `
      CREATE TABLE ec2_host_failures (
        instance_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        failed_at INTEGER NOT NULL
      );
    `,
  },
];

/** Marks the host of a running instance failed; false when there is no such running instance. */
export function failHost(ctx: Pick<Ctx, 'store' | 'accountId' | 'region' | 'clock'>, instanceId: string): boolean {
  const row = ctx.store
    .stmt("SELECT 1 FROM ec2_instances WHERE account_id = ? AND region = ? AND instance_id = ? AND state = 'running'")
    .get(ctx.accountId, ctx.region, instanceId);
  if (!row) return false;
  ctx.store
    .stmt('INSERT OR IGNORE INTO ec2_host_failures (instance_id, account_id, region, failed_at) VALUES (?, ?, ?, ?)')
    .run(instanceId, ctx.accountId, ctx.region, ctx.clock.now());
  return true;
}

/** When the instance's host failed, or undefined while it is healthy. */
export function hostFailedSince(store: Store, instanceId: string): number | undefined {
  return (
    store.stmt('SELECT failed_at FROM ec2_host_failures WHERE instance_id = ?').get(instanceId) as
      { failed_at: number } | undefined
  )?.failed_at;
}

export function clearHostFailure(store: Store, instanceId: string): void {
  store.stmt('DELETE FROM ec2_host_failures WHERE instance_id = ?').run(instanceId);
}

// Stopping (then starting) moves an instance to other hardware; termination ends it.
onInstanceStateChange(({ ctx, instanceId, current }) => {
  if (current === 'stopped' || current === 'terminated' || current === 'shutting-down')
    clearHostFailure(ctx.store, instanceId);
});
