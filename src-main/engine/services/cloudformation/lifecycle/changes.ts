/** The changes a template would make to a stack, as DescribeChangeSet lists them. */
import type { Ctx } from '../../../core/provider';
import { resourceType } from '../resource-types';
import { attrs, decl, listResources, props as rowProps } from '../state/resources';
import type { StackRow } from '../state/stacks';
import { evaluate, NO_VALUE } from '../template/intrinsics';
import { isObject, type JsonObject } from '../template/parse';
import { buildEnv, type StackIdentity } from './env';
import type { Prepared } from './prepare';
import { changedProperties } from './validate-properties';

const RECREATION: Record<string, string> = { Replacement: 'Always', Conditional: 'Conditionally', NoInterruption: 'Never', SomeInterruption: 'Never' };

export function computeChanges(ctx: Ctx, p: Prepared, id: StackIdentity, stack?: StackRow): Record<string, unknown>[] {
  const rows = stack ? listResources(ctx.store, stack.stack_id).filter((r) => r.in_template === 1 && r.physical_id) : [];
  const byId = new Map(rows.map((r) => [r.logical_id, r]));
  const e = buildEnv(ctx.store, p.checked, id, p.params, (lid) => {
    const r = byId.get(lid);
    if (!r?.physical_id) return undefined;
    const a = attrs(r);
    return { ref: r.physical_id, attribute: (n) => a[n] };
  });
  const changes: Record<string, unknown>[] = [];
  for (const r of p.checked.resources.values()) {
    if (!e.active.has(r.logicalId)) continue;
    const existing = byId.get(r.logicalId);
    if (!existing) {
      changes.push({ Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: r.logicalId, ResourceType: r.type, Scope: [], Details: [] } });
      continue;
    }
    let now: JsonObject | undefined;
    try {
      const v = evaluate(r.properties, e.env);
      now = v !== NO_VALUE && isObject(v) ? v : {};
    } catch {
      now = undefined; // depends on something that changes: known only at execution time
    }
    const before = rowProps(existing) ?? {};
    const metaChanged = JSON.stringify(r.decl.Metadata ?? null) !== JSON.stringify(decl(existing).Metadata ?? null);
    const typeChanged = r.type !== existing.type;
    const names = now ? changedProperties(now, before) : Object.keys(r.properties).sort();
    if (!typeChanged && !metaChanged && now && names.length === 0) continue;
    const spec = resourceType(r.type);
    const details = names.map((n) => ({
      Target: { Attribute: 'Properties', Name: n, RequiresRecreation: RECREATION[spec?.properties[n] ?? 'NoInterruption'] ?? 'Never' },
      Evaluation: now ? 'Static' : 'Dynamic',
      ChangeSource: now ? 'DirectModification' : 'ResourceAttribute',
    }));
    const replacement = typeChanged || details.some((d) => d.Target.RequiresRecreation === 'Always') ? 'True' : details.some((d) => d.Target.RequiresRecreation === 'Conditionally') || !now ? 'Conditional' : 'False';
    changes.push({
      Type: 'Resource',
      ResourceChange: {
        Action: 'Modify',
        LogicalResourceId: r.logicalId,
        PhysicalResourceId: existing.physical_id,
        ResourceType: r.type,
        Replacement: replacement,
        Scope: [...(names.length ? ['Properties'] : []), ...(metaChanged ? ['Metadata'] : [])],
        Details: details,
      },
    });
  }
  for (const r of rows) {
    const stillThere = p.checked.resources.has(r.logical_id) && e.active.has(r.logical_id);
    if (!stillThere) {
      changes.push({ Type: 'Resource', ResourceChange: { Action: 'Remove', LogicalResourceId: r.logical_id, PhysicalResourceId: r.physical_id, ResourceType: r.type, Scope: [], Details: [] } });
    }
  }
  return changes;
}
