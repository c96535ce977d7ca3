/** The evaluation environment of a stack: parameters, pseudo parameters, conditions, resources. */
import type { Store } from '../../../store/store';
import { loadRegions } from '../../../core/regions';
import { findResourcesDir } from '../../../models/paths';
import type { CheckedTemplate } from '../template/check';
import { type EvalEnv, type ResourceView } from '../template/intrinsics';
import { evaluateConditions, parameterRefValue, type ResolvedParameter } from '../template/parameters';
import type { Json } from '../template/parse';
import { listExports } from '../state/stacks';

export const partitionOf = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
export const urlSuffixOf = (region: string): string => (region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com');

let regions: ReturnType<typeof loadRegions> | undefined;
export function zonesOf(region: string): string[] {
  regions ??= loadRegions(findResourcesDir());
  return regions.get(region)?.zones.map((z) => z.zoneName) ?? [];
}

export interface StackIdentity {
  stackId: string;
  stackName: string;
  accountId: string;
  region: string;
  notificationArns: string[];
}

export function pseudoParameters(id: StackIdentity): Map<string, string | string[]> {
  return new Map<string, string | string[]>([
    ['AWS::AccountId', id.accountId],
    ['AWS::Region', id.region],
    ['AWS::StackId', id.stackId],
    ['AWS::StackName', id.stackName],
    ['AWS::Partition', partitionOf(id.region)],
    ['AWS::URLSuffix', urlSuffixOf(id.region)],
    ['AWS::NotificationARNs', id.notificationArns],
  ]);
}

export interface Environment {
  env: EvalEnv;
  conditions: Map<string, boolean>;
  /** Resources whose Condition holds (or that have none). */
  active: Set<string>;
}

/** `resource` answers for resources that exist; the pre-flight passes placeholders instead. */
export function buildEnv(
  store: Store,
  t: CheckedTemplate,
  id: StackIdentity,
  params: ResolvedParameter[],
  resource: (logicalId: string) => ResourceView | undefined,
): Environment {
  const values = pseudoParameters(id);
  for (const p of params) values.set(p.key, parameterRefValue(p));
  const base = {
    params: values,
    mappings: t.mappings as Record<string, Json>,
    resource: (logicalId: string) => (active.has(logicalId) ? resource(logicalId) : undefined),
    azs: (region: string) => zonesOf(region),
    importValue: (name: string) => listExports(store, id.accountId, id.region).find((e) => e.name === name)?.value,
    region: id.region,
  };
  const active = new Set<string>();
  const conditions = evaluateConditions(t, base);
  for (const r of t.resources.values()) if (r.condition === undefined || conditions.get(r.condition)) active.add(r.logicalId);
  return { env: { ...base, conditions }, conditions, active };
}
