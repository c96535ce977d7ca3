/**
 * What a parameter group does to its instances: values of dynamic parameters reach the running
 * engine at once; static ones wait for a reboot (the instance shows `pending-reboot` until then).
 */
import type { Ctx } from '../../core/provider';
import { extraOf } from './instance-extra';
import { catalogue } from './parameters';
import { defineEngine, runtimeOf } from './runtime';
import { findParameterGroup, userValues, type ParameterGroupRow } from './state/parameter-groups';
import type { InstanceRow } from './state/instances';

type Scope = Pick<Ctx, 'store' | 'accountId' | 'region'>;

/** The user's values of the instance's group (none for a default group). */
export function groupValues(scope: Scope, row: InstanceRow): Record<string, string> {
  const name = extraOf(row).parameterGroup;
  const g = name ? findParameterGroup(scope, name) : undefined;
  return g ? userValues(g) : {};
}

const same = (a: Record<string, string>, b: Record<string, string>): boolean => {
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
};

export function applyStatus(scope: Scope, row: InstanceRow): 'in-sync' | 'pending-reboot' {
  return same(extraOf(row).engineParameters ?? {}, groupValues(scope, row)) ? 'in-sync' : 'pending-reboot';
}

/** The values the engine runs with after a (re)start: all of the group's. */
export function withGroupApplied(scope: Scope, row: InstanceRow): string {
  return JSON.stringify({ ...extraOf(row), engineParameters: groupValues(scope, row) });
}

/** After ModifyDBParameterGroup: dynamic values go to every instance of the group now (and to its running engine). */
export function applyDynamic(ctx: Ctx, g: ParameterGroupRow, changed: string[]): void {
  const specs = catalogue(g.family);
  const dynamic = changed.filter((n) => specs.find((p) => p.name === n)?.applyType !== 'static');
  if (dynamic.length === 0) return;
  const values = userValues(g);
  const rows = ctx.store
    .stmt("SELECT * FROM rds_instances WHERE account_id = ? AND region = ? AND json_extract(extra, '$.parameterGroup') = ? COLLATE NOCASE")
    .all(ctx.accountId, ctx.region, g.name) as InstanceRow[];
  const rt = runtimeOf(ctx.store);
  for (const row of rows) {
    const extra = extraOf(row);
    const applied = { ...(extra.engineParameters ?? {}) };
    for (const n of dynamic) {
      if (values[n] === undefined) delete applied[n];
      else applied[n] = values[n]!;
    }
    const next = { ...row, extra: JSON.stringify({ ...extra, engineParameters: applied }) };
    ctx.store.stmt('UPDATE rds_instances SET extra = ? WHERE resource_id = ?').run(next.extra, row.resource_id);
    defineEngine(rt, next);
    if (rt.supervisor.status(row.resource_id)?.state === 'running') {
      const maxConnections = applied.max_connections ? Number(applied.max_connections) : 0;
      void rt.supervisor.request(row.resource_id, 'configure', { maxConnections }).catch(() => undefined);
    }
  }
}
