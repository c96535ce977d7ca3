/**
 * Clusters over time, on the simulated clock: `provision` creates each node's network interface in
 * EC2 (through call(), as the ElastiCache service principal), `available` opens the cluster, and
 * `delete` removes interfaces, data planes and rows. Each step is a row's `next_step`/`next_at`,
 * so a restart or a chapter reset resumes where the cluster was.
 */
import { servicePrincipal } from '../../core/account';
import type { ServiceStart } from '../../core/provider';
import type { Supervisor } from '../../core/data-planes';
import type { Call } from '../../protocol/types';
import type { Store } from '../../store/store';
import type { Clock } from '../../clock/clock';
import { maxmemoryOf } from './node-types';
import { findGroup, liveSettings } from './parameters';
import { engineId, getCluster, getSnapshot, nodesOf, setClusterStatus, type ClusterRow } from './state/rows';
import { redisProgram } from './redis-program';
import type { ClockAnchors, RedisNodeConfig } from './redis/child';

/** How long AWS takes, roughly: a single-node Redis cluster is usually ready in five to ten minutes. */
export const CREATE_MS = 5 * 60_000;
export const REBOOT_MS = 60_000;
export const DELETE_MS = 2 * 60_000;

export interface Runtime {
  store: Store;
  clock: Clock;
  call?: Call;
  supervisor?: Supervisor;
}

let rt: Runtime | undefined;
const scheduled = new Map<string, () => void>();

/** The open lab's runtime (undefined once its database closed: a test's engine, or the lab shutting down). */
export const runtime = (): Runtime | undefined => (rt?.store.db.open ? rt : undefined);

export function startLifecycle(engine: ServiceStart): void {
  rt = { store: engine.store, clock: engine.clock, ...(engine.call ? { call: engine.call } : {}), ...(engine.supervisor ? { supervisor: engine.supervisor } : {}) };
  for (const c of engine.store.stmt('SELECT * FROM elasticache_clusters').all() as ClusterRow[]) {
    if (c.status === 'available' || c.status === 'rebooting cache cluster nodes') void defineEngines(c);
    if (c.next_step && c.next_at !== null) schedule(c.account_id, c.region, c.id, c.next_at);
  }
}

const key = (accountId: string, region: string, id: string) => `${accountId}/${region}/${id}`;

export function schedule(accountId: string, region: string, id: string, at: number): void {
  if (!rt) return;
  scheduled.get(key(accountId, region, id))?.();
  scheduled.set(
    key(accountId, region, id),
    rt.clock.at(at, () => {
      scheduled.delete(key(accountId, region, id));
      void step(accountId, region, id);
    }),
  );
}

const scope = (accountId: string, region: string) => ({ store: rt!.store, accountId, region });

async function step(accountId: string, region: string, id: string): Promise<void> {
  if (!rt) return;
  const c = getCluster(scope(accountId, region), id);
  if (!c?.next_step) return;
  try {
    if (c.next_step === 'provision') await provision(c);
    else if (c.next_step === 'available') available(c);
    else if (c.next_step === 'delete') await remove(c);
  } catch (e) {
    if (!rt.store.db.open) return; // the lab closed mid-step; the row resumes on the next start
    // A node that cannot get its interface (its subnet is gone) leaves the cluster unusable, as on AWS.
    setClusterStatus(scope(accountId, region), id, 'incompatible-network', null, null);
    console.error(`[nimbus] elasticache ${id}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function provision(c: ClusterRow): Promise<void> {
  const call = rt!.call;
  if (!call) throw new Error('no dispatcher');
  const principal = servicePrincipal(c.account_id, 'elasticache');
  for (const n of nodesOf(scope(c.account_id, c.region), c.id)) {
    if (n.eni_id) continue;
    const out = (await call(principal, 'ec2', 'CreateNetworkInterface', { SubnetId: n.subnet_id, Groups: JSON.parse(c.security_groups) as string[], Description: `ElastiCache ${c.id}` }, { region: c.region, source: 'internal' })) as {
      NetworkInterface?: { NetworkInterfaceId?: string; PrivateIpAddress?: string };
    };
    rt!.store
      .stmt('UPDATE elasticache_nodes SET eni_id = ?, ip = ? WHERE account_id = ? AND region = ? AND cluster_id = ? AND node_id = ?')
      .run(out.NetworkInterface?.NetworkInterfaceId ?? null, out.NetworkInterface?.PrivateIpAddress ?? null, c.account_id, c.region, c.id, n.node_id);
  }
  const at = c.created_at + CREATE_MS;
  setClusterStatus(scope(c.account_id, c.region), c.id, 'creating', 'available', at);
  schedule(c.account_id, c.region, c.id, at);
}

function available(c: ClusterRow): void {
  rt!.store.tx(() => {
    setClusterStatus(scope(c.account_id, c.region), c.id, 'available', null, null);
    rt!.store.stmt("UPDATE elasticache_nodes SET status = 'available' WHERE account_id = ? AND region = ? AND cluster_id = ?").run(c.account_id, c.region, c.id);
  });
  void defineEngines({ ...c, status: 'available' });
}

async function remove(c: ClusterRow): Promise<void> {
  const principal = servicePrincipal(c.account_id, 'elasticache');
  const nodes = nodesOf(scope(c.account_id, c.region), c.id);
  for (const n of nodes) {
    if (n.eni_id && rt!.call) {
      try {
        await rt!.call(principal, 'ec2', 'DeleteNetworkInterface', { NetworkInterfaceId: n.eni_id }, { region: c.region, source: 'internal' });
      } catch {
        // Already gone (the learner deleted it, or its VPC went first): nothing left to free.
      }
    }
  }
  rt!.store.tx(() => {
    rt!.store.stmt('DELETE FROM elasticache_nodes WHERE account_id = ? AND region = ? AND cluster_id = ?').run(c.account_id, c.region, c.id);
    rt!.store.stmt('DELETE FROM elasticache_clusters WHERE account_id = ? AND region = ? AND id = ?').run(c.account_id, c.region, c.id);
  });
  // The node's process and files go after the rows: nothing can reach it any more.
  definitions.delete(key(c.account_id, c.region, c.id));
  for (const n of nodes) void rt!.supervisor?.remove(engineId(c.account_id, c.region, c.id, n.node_id), { deleteData: true });
}

/**
 * A parameter group changed (or a cluster moved to it): every cluster on it gets the new settings,
 * at once on running nodes, and at their next start on the others.
 */
export function applyParameterGroup(at: { accountId: string; region: string }, group: string): void {
  if (!rt?.supervisor) return;
  const sup = rt.supervisor;
  const clusters = rt.store
    .stmt('SELECT * FROM elasticache_clusters WHERE account_id = ? AND region = ? AND parameter_group = ?')
    .all(at.accountId, at.region, group) as ClusterRow[];
  for (const c of clusters) {
    const k = key(c.account_id, c.region, c.id);
    if (!definitions.has(k)) continue; // not defined yet: it reads the group when it is
    const settings = liveSettings(findGroup(scope(c.account_id, c.region), c.parameter_group));
    definitions.set(k, define(c));
    for (const n of nodesOf(scope(c.account_id, c.region), c.id)) {
      const id = engineId(c.account_id, c.region, c.id, n.node_id);
      // A node that stops meanwhile reads the new settings at its next start (defined above).
      if (sup.status(id)?.state === 'running') void sup.request(id, 'configSet', settings).catch(() => undefined);
    }
  }
}

/** The simulated clock as the node's process computes it: a sim-time anchor, a real-time anchor, the warp. */
export function anchors(): ClockAnchors {
  return { anchorSim: rt!.clock.now(), anchorReal: Date.now(), warp: rt!.clock.warp };
}

const definitions = new Map<string, Promise<void>>();

/** Registers each node's Redis with the supervisor (once); it starts on the first connection. */
export function defineEngines(c: ClusterRow): Promise<void> {
  const k = key(c.account_id, c.region, c.id);
  let p = definitions.get(k);
  if (!p) {
    p = define(c);
    definitions.set(k, p);
    p.catch(() => definitions.delete(k));
  }
  return p;
}

/** Resolves once the cluster's nodes are known to the supervisor (connections and snapshots wait for it). */
export function whenDefined(accountId: string, region: string, clusterId: string): Promise<void> {
  const c = getCluster(scope(accountId, region), clusterId);
  return c ? defineEngines(c) : Promise.resolve();
}

async function define(c: ClusterRow): Promise<void> {
  if (!rt?.supervisor) return;
  const program = await redisProgram();
  const settings = liveSettings(findGroup(scope(c.account_id, c.region), c.parameter_group));
  const seed = c.seed_snapshot ? getSnapshot(scope(c.account_id, c.region), c.seed_snapshot)?.data ?? undefined : undefined;
  for (const n of nodesOf(scope(c.account_id, c.region), c.id)) {
    const config: RedisNodeConfig = {
      clock: anchors(),
      maxmemory: maxmemoryOf(c.node_type),
      maxmemoryPolicy: settings['maxmemory-policy'] ?? 'volatile-lru',
      settings,
      ...(c.auth_token ? { password: c.auth_token } : {}),
      ...(seed ? { seed } : {}),
    };
    rt.supervisor.define({
      id: engineId(c.account_id, c.region, c.id, n.node_id),
      program,
      config: config as unknown as Record<string, unknown>,
      // The JS heap holds the dataset at about twice Redis's size, plus the runtime itself.
      memoryMb: Math.min(2048, Math.ceil((maxmemoryOf(c.node_type) * 2) / 1024 ** 2) + 128),
    });
  }
}

export function cancel(accountId: string, region: string, id: string): void {
  scheduled.get(key(accountId, region, id))?.();
  scheduled.delete(key(accountId, region, id));
}

/** Drops a cluster's definition so the next use defines its nodes afresh (after a reboot). */
export function forgetDefinition(accountId: string, region: string, id: string): void {
  definitions.delete(key(accountId, region, id));
}
