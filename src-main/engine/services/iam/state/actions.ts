/**
 * Valid IAM actions per service prefix, for policy validation: the operations of the models the lab
 * has (by IAM prefix: `cloudwatch` is the monitoring model) plus the IAM-only action names the
 * resource table lists (s3:ListBucket, iam:PassRole…). Prefixes the lab has no model for are not
 * checked. Models load lazily, once per prefix.
 */
import { listModelServices, loadModel } from '../../../models/load';
import { findResourcesDir } from '../../../models/paths';
import { servicesByPrefix, withPlanned, type ServiceTables } from '../../../iam/resource-table';

/** IAM action names that are not API operations (or whose operation has another name). */
const EXTRA: Record<string, string[]> = {
  iam: ['PassRole', 'CreateServiceLinkedRole', 'GetAccountEmailAddress'],
  sts: ['TagSession', 'SetSourceIdentity', 'AssumeRole'],
  lambda: ['InvokeFunction', 'InvokeAsync'],
  ec2: [],
  cloudwatch: [],
};

let byPrefix: Map<string, string[]> | undefined;
const cache = new Map<string, ReadonlySet<string> | undefined>();
let tables: ServiceTables = withPlanned();

/** The manifests' IAM tables (the IAM service's start passes them; the registry is above this folder). */
export function useServiceTables(fromManifests: ServiceTables): void {
  tables = withPlanned(fromManifests);
  byPrefix = undefined;
  cache.clear();
}

export function knownActions(prefix: string): ReadonlySet<string> | undefined {
  if (cache.has(prefix)) return cache.get(prefix);
  const resources = findResourcesDir();
  byPrefix ??= servicesByPrefix(tables, listModelServices(resources));
  const services = byPrefix.get(prefix);
  let set: Set<string> | undefined;
  if (services) {
    set = new Set<string>();
    for (const s of services) {
      for (const op of Object.keys(loadModel(resources, s).operations)) set.add(op.toLowerCase());
      for (const a of tables[s]?.extraActions ?? []) set.add(a.toLowerCase());
      for (const a of Object.values(tables[s]?.actions ?? {})) set.add(a.toLowerCase());
    }
    for (const a of EXTRA[prefix] ?? []) set.add(a.toLowerCase());
  }
  cache.set(prefix, set);
  return set;
}
