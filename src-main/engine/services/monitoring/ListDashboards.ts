import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './pages';

export const ListDashboards = (ctx: Ctx, input: OperationInput<'monitoring', 'ListDashboards'>) => {
  const rows = ctx.store.stmt('SELECT name, body, updated_at FROM cw_dashboards WHERE account_id = ? ORDER BY name').all(ctx.accountId) as { name: string; body: string; updated_at: number }[];
  const p = page(rows.filter((r) => !input.DashboardNamePrefix || r.name.startsWith(input.DashboardNamePrefix)), 1000, input.NextToken);
  return {
    DashboardEntries: p.items.map((r) => ({ DashboardName: r.name, DashboardArn: `arn:aws:cloudwatch::${ctx.accountId}:dashboard/${r.name}`, LastModified: new Date(r.updated_at), Size: Buffer.byteLength(r.body) })),
    NextToken: p.NextToken,
  };
};
