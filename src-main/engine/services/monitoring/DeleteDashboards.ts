import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { dashboardNotFound } from './errors';

/** All or nothing, as CloudWatch does: one missing name fails the call. */
export const DeleteDashboards = (ctx: Ctx, input: OperationInput<'monitoring', 'DeleteDashboards'>) => {
  for (const name of input.DashboardNames) {
    if (!ctx.store.stmt('SELECT 1 FROM cw_dashboards WHERE account_id = ? AND name = ?').get(ctx.accountId, name)) throw dashboardNotFound(`Dashboard ${name} does not exist`);
  }
  for (const name of input.DashboardNames) ctx.store.stmt('DELETE FROM cw_dashboards WHERE account_id = ? AND name = ?').run(ctx.accountId, name);
  return {};
};
