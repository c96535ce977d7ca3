/**
 * RDS in the guests' network (the manifest's `network`): an endpoint name resolves to the
 * instance's interface address, and the interface, once the network model has let a connection
 * through (security groups, NACLs, routes), leads to a byte stream to the instance's engine.
 * `tunnelTo` is the same stream for `nimbus tunnel`, like an ssh tunnel through a bastion.
 */
import type { Duplex } from 'node:stream';
import type { ServiceEndpoint, ServiceNetwork } from '../../core/data-planes';
import type { Store } from '../../store/store';
import { clockSynced, syncClock } from './clock-sync';
import { endpointLabel, parseEndpoint } from './naming';
import { defineEngine, isServing, liveRuntimes, runtimeOf, type RdsRuntime } from './runtime';
import { effectiveStatus, type InstanceRow } from './state/instances';

class Refused extends Error {
  readonly code = 'ECONNREFUSED';
}

async function open(rt: RdsRuntime, row: InstanceRow, sourceIp: string, sourcePort?: number): Promise<Duplex> {
  const fresh = (rt.store.stmt('SELECT * FROM rds_instances WHERE resource_id = ?').get(row.resource_id) as InstanceRow | undefined) ?? row;
  if (!isServing(fresh, rt.clock.now())) throw new Refused(`DB instance ${fresh.id} is ${effectiveStatus(fresh, rt.clock.now())}`);
  defineEngine(rt, fresh);
  // Behind a restore or a snapshot in progress: the folder must be in place first.
  await rt.jobs.get(fresh.resource_id);
  await syncClock(rt, fresh.resource_id, true);
  const socket = await rt.supervisor.connect(fresh.resource_id, { sourceIp, ...(sourcePort !== undefined ? { sourcePort } : {}), destIp: fresh.private_ip ?? undefined, destPort: fresh.port });
  return clockSynced(rt, fresh.resource_id, socket);
}

function endpointOf(rt: RdsRuntime, row: InstanceRow): ServiceEndpoint {
  return {
    service: 'rds',
    accountId: row.account_id,
    region: row.region,
    vpcId: row.vpc_id ?? '',
    eniId: row.eni_id ?? '',
    // Nothing listens while the instance is stopped, rebooting or being created: refused.
    ports: isServing(row, rt.clock.now()) ? [row.port] : [],
    open: (_port, source) => open(rt, row, source.ip, source.port),
  };
}

export const rdsNetwork: ServiceNetwork = {
  resolve(name) {
    const e = parseEndpoint(name);
    if (!e) return undefined;
    for (const rt of liveRuntimes()) {
      const rows = rt.store.stmt('SELECT * FROM rds_instances WHERE region = ? AND id = ?').all(e.region, e.id) as InstanceRow[];
      const row = rows.find((r) => endpointLabel(r.account_id, r.region) === e.label && effectiveStatus(r, rt.clock.now()) !== 'creating' && !!r.private_ip);
      if (row) return row.private_ip!;
    }
    return undefined;
  },
  at(address, scope) {
    for (const rt of liveRuntimes()) {
      const rows = rt.store.stmt('SELECT * FROM rds_instances WHERE private_ip = ?').all(address) as InstanceRow[];
      const row = rows.find((r) => (!scope || (r.account_id === scope.accountId && r.region === scope.region)) && effectiveStatus(r, rt.clock.now()) !== 'deleted');
      if (row) return endpointOf(rt, row);
    }
    return undefined;
  },
  async tunnel(resourceId) {
    for (const rt of liveRuntimes()) {
      const row = rt.store.stmt('SELECT * FROM rds_instances WHERE id = ? COLLATE NOCASE OR resource_id = ? ORDER BY created_at DESC').get(resourceId, resourceId) as InstanceRow | undefined;
      if (!row) continue;
      if (!isServing(row, rt.clock.now())) return `DB instance ${row.id} is ${effectiveStatus(row, rt.clock.now())}`;
      return { stream: await open(rt, row, '127.0.0.1'), label: `${row.id} (${row.engine})`, port: row.port };
    }
    return undefined;
  },
};

/** A stream to a DB instance by identifier (any region) or resource id, for `nimbus tunnel`; a string says why not. */
export async function tunnelTo(store: Store, resourceId: string): Promise<{ stream: Duplex; instance: string; engine: string; port: number } | string> {
  const rt = runtimeOf(store);
  const row = rt.store.stmt('SELECT * FROM rds_instances WHERE id = ? COLLATE NOCASE OR resource_id = ? ORDER BY created_at DESC').get(resourceId, resourceId) as InstanceRow | undefined;
  if (!row) return `no DB instance ${resourceId} in this lab`;
  if (!isServing(row, rt.clock.now())) return `DB instance ${row.id} is ${effectiveStatus(row, rt.clock.now())}`;
  return { stream: await open(rt, row, '127.0.0.1'), instance: row.id, engine: row.engine, port: row.port };
}
