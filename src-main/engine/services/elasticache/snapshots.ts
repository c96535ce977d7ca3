/** Taking a snapshot: the node's whole dataset, read from its Redis, kept in SQLite with the snapshot. */
import type { Ctx } from '../../core/provider';
import { runtime, whenDefined } from './lifecycle';
import { snapshotExists } from './errors';
import { engineId, getSnapshot, nodesOf, type ClusterRow } from './state/rows';
import { validName } from './names';

export async function takeSnapshot(ctx: Ctx, c: ClusterRow, name: string, source: 'manual' | 'automated'): Promise<void> {
  validName(name.toLowerCase(), 'SnapshotName', 255);
  if (getSnapshot(ctx, name)) throw snapshotExists(name);
  const node = nodesOf(ctx, c.id)[0];
  const sup = runtime()?.supervisor;
  await whenDefined(c.account_id, c.region, c.id);
  const data = node && sup ? await sup.request<string>(engineId(c.account_id, c.region, c.id, node.node_id), 'dump') : null;
  ctx.commit(() => {
    if (getSnapshot(ctx, name)) throw snapshotExists(name);
    ctx.store
      .stmt(
        `INSERT INTO elasticache_snapshots (account_id, region, name, cluster_id, source, status, node_type, engine_version, port, subnet_group, vpc_id, data, created_at)
         VALUES (?, ?, ?, ?, ?, 'available', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(ctx.accountId, ctx.region, name, c.id, source, c.node_type, c.engine_version, c.port, c.subnet_group, c.vpc_id, data, ctx.clock.now());
  });
}
