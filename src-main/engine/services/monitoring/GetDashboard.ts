import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { dashboardNotFound } from './errors';

export const GetDashboard = (ctx: Ctx, input: OperationInput<'monitoring', 'GetDashboard'>) => {
  const row = ctx.store.stmt('SELECT body FROM cw_dashboards WHERE account_id = ? AND name = ?').get(ctx.accountId, input.DashboardName) as { body: string } | undefined;
  if (!row) throw dashboardNotFound(`Dashboard ${input.DashboardName} does not exist`);
  return { DashboardArn: `arn:aws:cloudwatch::${ctx.accountId}:dashboard/${input.DashboardName}`, DashboardBody: row.body, DashboardName: input.DashboardName };
};
