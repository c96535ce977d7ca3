/** DB subnet groups: a name for a set of subnets (of one VPC) where RDS may place interfaces. */
import type { Ctx } from '../../../core/provider';
import { dbSubnetGroupNotFound } from '../errors';

export interface SubnetRef {
  id: string;
  az: string;
}

export interface SubnetGroupRow {
  account_id: string;
  region: string;
  name: string;
  description: string;
  vpc_id: string;
  subnets: string;
  created_at: number;
}

export const subnetsOf = (g: SubnetGroupRow): SubnetRef[] => JSON.parse(g.subnets) as SubnetRef[];

export function findSubnetGroup(ctx: Ctx, name: string): SubnetGroupRow | undefined {
  return ctx.store.stmt('SELECT * FROM rds_subnet_groups WHERE account_id = ? AND region = ? AND name = ? COLLATE NOCASE').get(ctx.accountId, ctx.region, name) as
    | SubnetGroupRow
    | undefined;
}

export function getSubnetGroup(ctx: Ctx, name: string): SubnetGroupRow {
  const g = findSubnetGroup(ctx, name);
  if (!g) throw dbSubnetGroupNotFound(name);
  return g;
}

export function listSubnetGroups(ctx: Ctx): SubnetGroupRow[] {
  return ctx.store.stmt('SELECT * FROM rds_subnet_groups WHERE account_id = ? AND region = ? ORDER BY name').all(ctx.accountId, ctx.region) as SubnetGroupRow[];
}

export function putSubnetGroup(ctx: Ctx, g: SubnetGroupRow): void {
  ctx.store
    .stmt(
      `INSERT INTO rds_subnet_groups (account_id, region, name, description, vpc_id, subnets, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, region, name) DO UPDATE SET description = excluded.description, subnets = excluded.subnets, vpc_id = excluded.vpc_id`,
    )
    .run(g.account_id, g.region, g.name, g.description, g.vpc_id, g.subnets, g.created_at);
}

export function deleteSubnetGroupRow(ctx: Ctx, name: string): void {
  ctx.store.stmt('DELETE FROM rds_subnet_groups WHERE account_id = ? AND region = ? AND name = ? COLLATE NOCASE').run(ctx.accountId, ctx.region, name);
}
