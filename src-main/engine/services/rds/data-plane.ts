/**
 * RDS as the virtual network sees it: endpoint names resolve to the instance's interface address,
 * and a connection to that interface on the instance's port becomes a stream to its engine (the
 * network model has already checked routes, NACLs and security groups by then).
 */
import type { Duplex } from 'node:stream';
import type { DataPlane, StreamSource } from '../../supervisor';
import { endpointLabel, parseEndpoint } from './naming';
import { defineEngine, isServing, type RdsRuntime } from './runtime';
import { effectiveStatus, instanceByEni, type InstanceRow } from './state/instances';

async function open(rt: RdsRuntime, row: InstanceRow, source: StreamSource): Promise<Duplex | string> {
  if (!isServing(row, rt.clock.now())) return `DB instance ${row.id} is ${row.status}`;
  defineEngine(rt, row);
  // Behind a restore or a snapshot in progress: the folder must be in place first.
  await rt.jobs.get(row.resource_id);
  return rt.supervisor.connect(row.resource_id, source);
}

export function rdsDataPlane(rt: RdsRuntime): DataPlane {
  return {
    service: 'rds',
    resolve(name) {
      const e = parseEndpoint(name);
      if (!e) return undefined;
      const rows = rt.store.stmt('SELECT * FROM rds_instances WHERE region = ? AND id = ?').all(e.region, e.id) as InstanceRow[];
      const row = rows.find((r) => endpointLabel(r.account_id, r.region) === e.label && effectiveStatus(r, rt.clock.now()) !== 'creating');
      return row?.private_ip ?? undefined;
    },
    ownsInterface: (eniId) => instanceByEni(rt, eniId) !== undefined,
    async stream(eniId, port, source) {
      const row = instanceByEni(rt, eniId);
      if (!row || port !== row.port) return 'refused';
      return open(rt, row, source);
    },
    tunnel(resourceId) {
      const row = rt.store.stmt('SELECT * FROM rds_instances WHERE id = ? COLLATE NOCASE OR resource_id = ? ORDER BY created_at DESC').get(resourceId, resourceId) as
        | InstanceRow
        | undefined;
      if (!row) return undefined;
      return open(rt, row, { sourceIp: '127.0.0.1' });
    },
  };
}
