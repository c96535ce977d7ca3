/**
 * What IAM checks for each call, as data: the IAM action (when it differs from the operation name),
 * the resource ARNs (templates over the input), and the service condition keys taken from the input.
 *
 * Templates: `${Partition}`, `${Region}`, `${Account}` (the caller's), `${Member}` or a dotted path
 * with `[]` for lists (`${Delete.Objects[].Key}`; a list yields one ARN per element), `|last` (text
 * after the last `/`), `|copySource` (S3's `bucket/key` of x-amz-copy-source), `@kind` (IAM: the
 * entity's path is inserted before the name). A template whose member is absent yields nothing; an
 * operation with no ARN at all is checked against `*`, as AWS does for actions without
 * resource-level permissions (Describe*, List*).
 */

export type { ServiceTable } from '../core/iam-table';
import type { ServiceTable } from '../core/iam-table';

/**
 * Tables of services that have no manifest yet (a model but no behaviour): calls to them are still
 * authorized (then answer NotImplemented) and policies naming them are validated. A service's own
 * manifest (`iam` field) replaces its entry here; delete the entry when the service lands.
 */
export const PLANNED_SERVICE_TABLES: Readonly<Record<string, ServiceTable>> = {
  dynamodb: {
    prefix: 'dynamodb',
    starPrefixes: ['ListTables', 'DescribeLimits', 'DescribeEndpoints'],
    members: { TableName: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}' },
  },
  sns: { prefix: 'sns', members: { TopicArn: '${TopicArn}' } },
  lambda: {
    prefix: 'lambda',
    members: { FunctionName: 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}' },
  },
  logs: {
    prefix: 'logs',
    starPrefixes: ['DescribeLogGroups'],
    members: { logGroupName: 'arn:${Partition}:logs:${Region}:${Account}:log-group:${logGroupName}:*' },
  },
  monitoring: { prefix: 'cloudwatch', members: { AlarmName: 'arn:${Partition}:cloudwatch:${Region}:${Account}:alarm:${AlarmName}' } },
  elasticloadbalancingv2: { prefix: 'elasticloadbalancing', members: { LoadBalancerArn: '${LoadBalancerArn}', TargetGroupArn: '${TargetGroupArn}' } },
  elasticloadbalancing: { prefix: 'elasticloadbalancing' },
  autoscaling: {
    prefix: 'autoscaling',
    starPrefixes: ['Describe'],
    members: { AutoScalingGroupName: 'arn:${Partition}:autoscaling:${Region}:${Account}:autoScalingGroup:*:autoScalingGroupName/${AutoScalingGroupName}' },
  },
  rds: {
    prefix: 'rds',
    members: {
      DBInstanceIdentifier: 'arn:${Partition}:rds:${Region}:${Account}:db:${DBInstanceIdentifier}',
      DBSnapshotIdentifier: 'arn:${Partition}:rds:${Region}:${Account}:snapshot:${DBSnapshotIdentifier}',
    },
  },
};

export type ServiceTables = Readonly<Record<string, ServiceTable>>;

/** The tables in force: the manifests' own (by service key) over the planned ones. */
export const withPlanned = (fromManifests: ServiceTables = {}): ServiceTables => ({ ...PLANNED_SERVICE_TABLES, ...fromManifests });

/** The IAM prefix of a model service (its signing name unless the table says otherwise). */
export const prefixOf = (tables: ServiceTables, service: string): string => tables[service]?.prefix ?? service;

/** Model services by IAM prefix (elasticloadbalancing covers both load balancer models). */
export function servicesByPrefix(tables: ServiceTables, services: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of services) {
    const p = prefixOf(tables, s);
    out.set(p, [...(out.get(p) ?? []), s]);
  }
  return out;
}

export interface ArnEnv {
  partition: string;
  region: string;
  account: string;
  /** IAM paths for `@kind` templates ('/' when unknown). */
  pathOf?(kind: string, name: string): string;
}

/** Values of a dotted member path, `[]` expanding lists. */
function valuesAt(input: unknown, path: string): string[] {
  let current: unknown[] = [input];
  for (const raw of path.split('.')) {
    const list = raw.endsWith('[]');
    const name = list ? raw.slice(0, -2) : raw;
    const next: unknown[] = [];
    for (const c of current) {
      if (c === null || typeof c !== 'object') continue;
      const v = (c as Record<string, unknown>)[name];
      if (v === undefined || v === null) continue;
      if (list && Array.isArray(v)) next.push(...(v as unknown[]));
      else next.push(v);
    }
    current = next;
  }
  return current.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
}

function copySource(v: string): string {
  let s = v.startsWith('/') ? v.slice(1) : v;
  const q = s.indexOf('?versionId=');
  if (q >= 0) s = s.slice(0, q);
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const PLACEHOLDER = /\$\{([^}]+)\}/g;

/** Expands one template; [] when a member it names is absent. */
export function expandTemplate(template: string, input: Record<string, unknown>, env: ArnEnv): string[] {
  let results = [''];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(last, m.index);
    last = m.index! + m[0].length;
    const spec = m[1]!;
    let values: string[];
    if (spec === 'Partition') values = [env.partition];
    else if (spec === 'Region') values = [env.region];
    else if (spec === 'Account') values = [env.account];
    else {
      const [pathAndKind, filter] = spec.split('|') as [string, string | undefined];
      const [path, kind] = pathAndKind.split('@') as [string, string | undefined];
      values = valuesAt(input, path);
      if (path === 'Path' && values.length === 0) values = ['/'];
      if (filter === 'last') values = values.map((v) => v.slice(v.lastIndexOf('/') + 1));
      if (filter === 'copySource') values = values.map(copySource);
      if (kind && env.pathOf) values = values.map((v) => env.pathOf!(kind, v).slice(1) + v);
    }
    if (values.length === 0) return [];
    const next: string[] = [];
    for (const r of results) for (const v of values) next.push(r + literal + v);
    results = next;
  }
  return results.map((r) => r + template.slice(last));
}
