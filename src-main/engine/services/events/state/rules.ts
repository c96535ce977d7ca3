/** Rules and targets as rows. */
import type { Store } from '../../../store/store';

export interface RuleRow {
  account_id: string;
  region: string;
  bus: string;
  name: string;
  arn: string;
  description: string | null;
  schedule: string | null;
  pattern: string | null;
  state: string;
  role_arn: string | null;
  managed_by: string | null;
  next_fire: number | null;
  created_at: number;
}

export interface TargetRow {
  account_id: string;
  region: string;
  bus: string;
  rule: string;
  id: string;
  arn: string;
  spec: string;
}

export const DEFAULT_BUS = 'default';

export const ruleArn = (region: string, accountId: string, bus: string, name: string) =>
  `arn:aws:events:${region}:${accountId}:rule/${bus === DEFAULT_BUS ? '' : `${bus}/`}${name}`;

/** `default`, a bus name, or a bus ARN → the bus name. */
export const busName = (v: string | undefined): string => (v ? (v.startsWith('arn:') ? v.slice(v.lastIndexOf('/') + 1) : v) : DEFAULT_BUS);

export function findRule(store: Store, accountId: string, region: string, bus: string, name: string): RuleRow | undefined {
  return store.stmt('SELECT * FROM ev_rules WHERE account_id = ? AND region = ? AND bus = ? AND name = ?').get(accountId, region, bus, name) as RuleRow | undefined;
}

export function targetsOf(store: Store, r: { account_id: string; region: string; bus: string; name: string }): TargetRow[] {
  return store.stmt('SELECT * FROM ev_targets WHERE account_id = ? AND region = ? AND bus = ? AND rule = ? ORDER BY id').all(r.account_id, r.region, r.bus, r.name) as TargetRow[];
}

export const ruleView = (r: RuleRow) => ({
  Name: r.name,
  Arn: r.arn,
  EventPattern: r.pattern ?? undefined,
  ScheduleExpression: r.schedule ?? undefined,
  State: r.state,
  Description: r.description ?? undefined,
  RoleArn: r.role_arn ?? undefined,
  ManagedBy: r.managed_by ?? undefined,
  EventBusName: r.bus,
});
